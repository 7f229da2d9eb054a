namespace SynthCommands;

/// <summary><c>synth fit &lt;data&gt; --model gan --out model.synth [--json FILE] [fit options] [--force]</c>; the JSON has the model file, the fit's time and, for a VAE, its latent statistics.</summary>
internal sealed class FitCommand : TableCommand
{
    public FitCommand() : base("fit", "Fit a model to a table and save it as a model file.")
    {
        DeclareOnTable(Model, Out, Json, Force, Into, FitRows);
        Settings.AddTo(this);
    }

    internal Option<string> Model { get; } = SharedOptions.ModelName();
    internal Option<string> Out { get; } = new("--out") { Description = "The model file to write.", Required = true };
    internal Option<string?> Json { get; } = SharedOptions.JsonOption();
    internal Option<bool> Force { get; } = SharedOptions.ForceOption("model file or --json file");
    internal FitSettingsOptions Settings { get; } = new();
    internal Option<string?> Into { get; } = SharedOptions.IntoOption("fitted model", "the model file's name");
    internal Option<int?> FitRows { get; } = SharedOptions.FitRowsOption();

    internal override int Execute(ParseResult parse, CommandContext context)
    {
        string data = TableName(parse, context);
        string model = parse.GetValue(Model)!;
        string output = parse.GetValue(Out)!;
        bool force = parse.GetValue(Force);
        string? into = VariableName.Checked(parse.GetValue(Into));
        var settings = FitSettingsReader.Read(parse, Settings);
        context.Registry.Get(model);
        // Refuse an existing model file before spending minutes on the fit.
        SafeFile.EnsureCanWrite(output, force, "--out", data);
        string? json = parse.GetValue(Json);
        if (json is not null)
        {
            SafeFile.EnsureCanWrite(json, force, "--json", data);
            if (Path.GetFullPath(json) == Path.GetFullPath(output))
                throw new SynthOptionException("--json", $"'{json}' is also the --out model file; give two different files.");
        }

        var (table, metadata, sample) = TableInput.Load(context, data, parse.GetValue(Settings.Categorical), parse.GetValue(FitRows), settings.Seed);
        var fit = FitStep.Run(context, model, settings, table, metadata);

        long bytes = SafeFile.Write(output, force, "--out", fit.Model.Save);
        context.Host.Store(into ?? Path.GetFileNameWithoutExtension(output), fit.Model);
        context.Host.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Saved the {fit.Model.ModelName} model to {output} ({bytes:N0} bytes); fitted in {fit.Seconds:F1} s on {(sample is null ? $"{table.Rows.Count:N0} rows" : sample.Describe())}, seed {settings.Seed}."));
        if (json is not null)
        {
            JsonSummary.Write(json, new JsonObject
            {
                ["model_file"] = output,
                ["bytes"] = bytes,
                ["model"] = fit.Model.ModelName,
                ["seed"] = settings.Seed,
                ["input"] = data,
                ["input_rows"] = (int)table.Rows.Count,
                ["fit_seconds"] = fit.Seconds,
                ["fit_rows"] = TableInput.Json(sample),
                ["latent"] = fit.Latent is null ? null : JsonSummary.ToFiniteNode(fit.Latent),
                ["privacy"] = PrivacyReleaseTable.Of(fit.Model) is { } account ? PrivacyReleaseTable.Json(account) : null,
            }, force);
            context.Host.WriteLine($"Wrote {json}");
        }
        return ExitCodes.Success;
    }
}
