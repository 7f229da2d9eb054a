namespace SynthCore.Synthesizers;

/// <summary>A model's options record that checks what spans its options (ranges together, a column's presence) before a fit.</summary>
public interface IValidatedOptions
{
    /// <exception cref="SynthOptionException">An option out of range or at odds with another, naming it.</exception>
    void Validate();
}
