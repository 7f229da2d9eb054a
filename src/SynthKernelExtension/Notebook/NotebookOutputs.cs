namespace SynthKernelExtension.Notebook;

/// <summary>A line of normal output from a command, shown in the cell.</summary>
public sealed record SynthMessage(string Text);

/// <summary>A command's error, shown as one message in the cell (never a stack trace).</summary>
public sealed record SynthError(string Message);

/// <summary>A notebook variable a command has just bound.</summary>
public sealed record StoredVariable(string Name, string TypeName, string Summary);
