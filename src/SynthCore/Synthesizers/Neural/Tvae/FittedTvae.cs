using SynthCore.Persistence;
using SynthCore.Torch;
using SynthCore.Transforms;
using TorchSharp;
using static TorchSharp.torch;

namespace SynthCore.Synthesizers.Neural.Tvae;

/// <summary>
/// A trained TVAE or VAE: encoder, decoder and the CTGAN layout (mode-specific normalisation) it
/// was trained in. Sampling decodes N(0, I) codes, adding the learned σ as noise to the mode
/// scalars (as TVAE does) and drawing each category and mode from the decoder's softmax (TVAE
/// takes the argmax); conditions are met by rejection. The encoder gives latent codes of
/// rows, and <see cref="Interpolate"/> walks the latent space between two rows. Sampled rows are
/// missing at the training rates (<see cref="MissingValueSampling"/>); <see cref="Decode"/> and
/// <see cref="Interpolate"/> decode without noise, so by argmax. A model trained with DP-SGD reports
/// its guarantee in <see cref="DifferentialPrivacy"/>, which says what it covers and what not.
/// </summary>
public sealed class FittedTvae : FittedNetwork<TvaeOptions>, ILatentSpace, IPrivacyAccounted, IDisposable
{
    private const int ChunkRows = 4096;
    /// <summary>Layout, missing rates, DP-SGD record, networks.</summary>
    private const string PayloadTag = "tvae-payload/2";

    /// <summary>Layout, networks: models saved before missing rates and DP-SGD were stored.</summary>
    private const string FirstPayloadTag = "tvae-payload/1";

    private readonly TvaeDecoder decoder;
    private readonly MissingValueSampling missing;

    /// <param name="missingTargets">The columns that can be missing and their training rates.</param>
    /// <param name="privacy">The DP-SGD guarantee; null when trained without DP-SGD.</param>
    internal FittedTvae(TvaeOptions options, ModeSpecificNormalizer layout, TvaeEncoder encoder, TvaeDecoder decoder, IReadOnlyList<MissingValueSampling.Target> missingTargets, TvaePrivacy? privacy)
        : base(options)
    {
        if ((options.DpNoiseMultiplier is null) != (privacy is null))
            throw new SynthException($"The {options.Model} model's DP-SGD record does not match its options.");
        Layout = layout;
        Encoder = encoder;
        this.decoder = decoder;
        DifferentialPrivacy = privacy;
        using var threads = TorchThreads.Use(options.Threads);
        missing = MissingValueSampling.Calibrate(missingTargets, options.EncodingDim, options.Seed, codes => decoder.forward(codes.to(Device)).to(torch.CPU));
    }

    /// <summary>
    /// The DP-SGD guarantee (ε at δ by the RDP accountant for the steps taken), or null when trained
    /// without DP-SGD. It covers the encoder and decoder weights (learned σ included); it does not
    /// cover the data transformer fitted on the raw rows: category sets, numeric min / max and mean,
    /// mixture modes, and missing rates (see <see cref="TvaePrivacy"/>).
    /// </summary>
    public TvaePrivacy? DifferentialPrivacy { get; }

    public string? PrivacyStatement => DifferentialPrivacy is { } vae
        ? string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"the encoder and decoder were trained with DP-SGD: (ε = {vae.Epsilon:G4}, δ = {vae.Delta:G2}) by the RDP accountant over {vae.Steps} steps; the networks are covered, the column ranges, mixture modes, category sets and missing rates are not.")
        : null;

    /// <summary>The one release behind <see cref="DifferentialPrivacy"/>: the encoder's and decoder's noisy gradients; null without DP-SGD.</summary>
    public PrivacyAccount? PrivacyAccount => DifferentialPrivacy is { } dp
        ? Training.PrivacyAccount.DpSgd("DP-SGD gradients of the encoder and decoder", dp.SamplingRate, dp.NoiseMultiplier, dp.MaxGradNorm, dp.Steps, dp.Delta)
        : null;

    /// <summary>Each column that can be missing, with the share of training rows missing in it (sampling reproduces it).</summary>
    public IReadOnlyDictionary<string, double> MissingRates => missing.Targets.ToDictionary(t => t.Column, t => t.Rate);

    public override string ModelName => Options.Model;

    public override TableMetadata Metadata => Layout.Base.Metadata;


    public ModeSpecificNormalizer Layout { get; }

    /// <summary>The trained encoder (rows in the layout's representation → latent mean and log-variance).</summary>
    public TvaeEncoder Encoder { get; }

    /// <summary>Latent code length.</summary>
    public int LatentDim => Options.EncodingDim;

    /// <summary>The latent means of <paramref name="table"/>'s rows (rows × <see cref="LatentDim"/>).</summary>
    /// <exception cref="SynthException">The table's columns differ from the fitted ones.</exception>
    /// <exception cref="SynthColumnException">A value the model cannot represent (unseen category, unexpected missing value).</exception>
    public float[,] Encode(DataFrame table)
    {
        ArgumentNullException.ThrowIfNull(table);
        int rows = checked((int)table.Rows.Count);
        var codes = new float[rows, LatentDim];
        if (rows == 0) return codes;
        float[] encoded = Layout.Encode(Layout.Base.Transform(table), rows, Options.Seed);
        lock (Gate)
        {
            using var threads = TorchThreads.Use(Options.Threads);
            using var noGrad = torch.no_grad();
            using var scope = torch.NewDisposeScope();
            var (mean, _) = Encoder.forward(torch.tensor(encoded, [rows, Layout.Width]).to(Device));
            var values = mean.to(torch.CPU).contiguous().data<float>().ToArray();
            Buffer.BlockCopy(values, 0, codes, 0, values.Length * sizeof(float));
        }
        return codes;
    }

    /// <summary>
    /// The latent means and standard deviations of <paramref name="table"/>'s rows per dimension (<see cref="Synthesizers.LatentStatistics"/>):
    /// the toolkit's VAE summary, shown after a fit on the training rows.
    /// </summary>
    /// <exception cref="SynthException">The table's columns differ from the fitted ones, or it has no rows.</exception>
    public LatentStatistics LatentStatistics(DataFrame table)
    {
        ArgumentNullException.ThrowIfNull(table);
        int rows = checked((int)table.Rows.Count);
        if (rows == 0) throw new SynthException("Latent statistics need at least one row.");
        float[] encoded = Layout.Encode(Layout.Base.Transform(table), rows, Options.Seed);
        var means = new float[(long)rows * LatentDim];
        var logVariances = new float[(long)rows * LatentDim];
        lock (Gate)
        {
            using var threads = TorchThreads.Use(Options.Threads);
            using var noGrad = torch.no_grad();
            for (int start = 0; start < rows; start += ChunkRows)
            {
                using var scope = torch.NewDisposeScope();
                int count = Math.Min(ChunkRows, rows - start);
                var chunk = encoded.AsSpan(start * Layout.Width, count * Layout.Width).ToArray();
                var (mean, logVariance) = Encoder.forward(torch.tensor(chunk, [count, Layout.Width]).to(Device));
                mean.to(torch.CPU).contiguous().data<float>().ToArray().CopyTo(means, (long)start * LatentDim);
                logVariance.to(torch.CPU).contiguous().data<float>().ToArray().CopyTo(logVariances, (long)start * LatentDim);
            }
        }
        return Synthesizers.LatentStatistics.From(means, logVariances, rows, LatentDim);
    }

    /// <summary>Decodes latent codes (rows × <see cref="LatentDim"/>) to rows, without sampling noise.</summary>
    public DataFrame Decode(float[,] codes)
    {
        ArgumentNullException.ThrowIfNull(codes);
        if (codes.GetLength(1) != LatentDim)
            throw new SynthOptionException("codes", $"must have {LatentDim} values per row (got {codes.GetLength(1)}).");
        int rows = codes.GetLength(0);
        var flat = new float[codes.Length];
        Buffer.BlockCopy(codes, 0, flat, 0, flat.Length * sizeof(float));
        lock (Gate)
        {
            using var threads = TorchThreads.Use(Options.Threads);
            return Layout.Base.Reverse(DecodeCodes(torch.tensor(flat, [rows, LatentDim]), null), rows);
        }
    }

    /// <summary>
    /// Rows along the straight line between the latent codes of rows <paramref name="from"/> and
    /// <paramref name="to"/> of <paramref name="table"/>: <paramref name="steps"/> rows, the first
    /// decoded from the first row's code and the last from the second's.
    /// </summary>
    public DataFrame Interpolate(DataFrame table, int from, int to, int steps = 10)
    {
        ArgumentNullException.ThrowIfNull(table);
        if (steps < 2) throw new SynthOptionException("steps", $"must be at least 2 (got {steps}).");
        foreach (var (name, row) in new[] { ("from", from), ("to", to) })
            if (row < 0 || row >= table.Rows.Count) throw new SynthOptionException(name, $"row {row} is outside the table's {table.Rows.Count} rows.");
        var codes = Encode(table);
        var path = new float[steps, LatentDim];
        for (int s = 0; s < steps; s++)
        {
            float t = s / (float)(steps - 1);
            for (int j = 0; j < LatentDim; j++) path[s, j] = (1 - t) * codes[from, j] + t * codes[to, j];
        }
        return Decode(path);
    }

    private protected override DataFrame Sample(int rows, SampleConditions? conditions, torch.Generator random) =>
        conditions is null || conditions.All.Count == 0
            ? Layout.Base.Reverse(Generate(rows, random), rows)
            : GeneratedRowFilter.Sample(Layout.Base, conditions, rows, count => Generate(count, random));

    /// <summary>Base-transform rows decoded from N(0, I) codes.</summary>
    private float[] Generate(int rows, torch.Generator random)
    {
        var result = new float[(long)rows * Layout.Base.Width];
        for (int start = 0; start < rows; start += ChunkRows)
        {
            int count = Math.Min(ChunkRows, rows - start);
            using var noise = torch.randn([count, LatentDim], generator: random);
            DecodeCodes(noise, random).CopyTo(result, (long)start * Layout.Base.Width);
        }
        return result;
    }

    /// <summary>
    /// Codes → base rows. Without <paramref name="random"/>: tanh on every output and argmax of every
    /// one-hot. With it (sampling): Gaussian noise of the learned σ on mode scalars, each one-hot
    /// drawn from its softmax, missing values drawn at the calibrated rates.
    /// </summary>
    private float[] DecodeCodes(Tensor codes, torch.Generator? random)
    {
        using var noGrad = torch.no_grad();
        using var scope = torch.NewDisposeScope();
        int rows = (int)codes.shape[0];
        var raw = decoder.forward(codes.to(Device)).to(torch.CPU);
        var output = raw.tanh();
        if (random is null) return Layout.Decode(output.contiguous().data<float>().ToArray(), rows);

        var sigma = decoder.Sigma.detach().to(torch.CPU);
        var isScalar = torch.zeros(Layout.Width);
        foreach (var s in Layout.Spans.Where(s => s.Activation == OutputActivation.Tanh)) isScalar[s.Start] = 1;
        var noise = torch.randn(output.shape, generator: random) * sigma * isScalar;
        // One-hot spans (categories, modes, missing indicators) are drawn from the decoder's softmax
        // by the Gumbel-max trick rather than decoded by argmax: argmax turns every category the
        // decoder is unsure of into its most likely one, so a weakly trained decoder (few epochs,
        // DP-SGD) gave one species or sex for nearly every row. On penguins (150 epochs) drawing
        // improved the quality score from 0.894 to 0.904; after 10 DP-SGD epochs from 0.58 to 0.73.
        var uniform = torch.rand(raw.shape, generator: random).clamp(1e-10, 1 - 1e-7);
        var gumbel = raw - (-uniform.log()).log();
        var activated = (output + noise).clamp(-1, 1) * isScalar + gumbel * (1 - isScalar);
        var activatedValues = activated.contiguous().data<float>().ToArray();
        missing.Apply(raw.contiguous().data<float>().ToArray(), activatedValues, rows, Layout.Width, random);
        return Layout.Decode(activatedValues, rows);
    }

    private protected override void WritePayload(BinaryWriter writer)
    {
        writer.Write(PayloadTag);
        writer.Write(Layout.ToJson().ToJsonString());
        writer.Write(new JsonObject { ["missing_rates"] = missing.ToJson(), ["differential_privacy"] = DifferentialPrivacy?.ToJson() }.ToJsonString());
        Encoder.save(writer);
        decoder.save(writer);
    }

    /// <summary>Restores a fitted TVAE / VAE (the registry's load entry for both names).</summary>
    public static FittedTvae Load(ModelFileContent content)
    {
        var options = ReadOptions(content, [TvaeSynthesizer.Name, TvaeSynthesizer.VaeName], "a TVAE or VAE");
        if (options.Model != content.Header.Model)
            throw new SynthException($"The model file says it holds a '{content.Header.Model}' model, but its options are a '{options.Model}' model's.");

        TvaeEncoder? encoder = null;
        TvaeDecoder? decoder = null;
        return ReadPayload(content, options.Model, reader =>
        {
            string tag = reader.ReadString();
            if (tag is not (PayloadTag or FirstPayloadTag))
                throw new SynthException($"The model file's payload is not a '{options.Model}' payload of a layout this version reads.");
            var layout = ModeSpecificNormalizer.FromJson(JsonNode.Parse(reader.ReadString())?.AsObject() ?? throw new SynthException("The model file holds no layout."));
            content.Header.Metadata.EnsureSameSchema(layout.Base.Metadata, $"The {options.Model} model file is inconsistent (header and transform)");
            IReadOnlyList<MissingValueSampling.Target> missingTargets;
            TvaePrivacy? privacy = null;
            if (tag == PayloadTag)
            {
                var extras = JsonNode.Parse(reader.ReadString())?.AsObject() ?? throw new SynthException("The model file holds no missing rates.");
                missingTargets = MissingValueSampling.FromJson(JsonFields.Array(extras, "missing_rates"), layout);
                if (extras["differential_privacy"] is JsonObject dp) privacy = TvaePrivacy.FromJson(dp);
            }
            else missingTargets = MissingValueSampling.FromMetadata(layout, content.Header.Metadata);
            if ((options.DpNoiseMultiplier is null) != (privacy is null))
                throw new SynthException($"The {options.Model} model file's DP-SGD record does not match its options.");
            using var init = new torch.Generator(0, torch.CPU);
            encoder = new TvaeEncoder(layout.Width, options.HiddenLayers, options.EncodingDim, init);
            decoder = new TvaeDecoder(options.EncodingDim, options.HiddenLayers.Reverse().ToArray(), layout.Width, init);
            NetworkPayload.ReadWeights(reader, options.Model, encoder, decoder);
            NetworkPayload.PlaceForSampling(TorchDevices.Resolve(options.Device), [encoder, decoder]);
            return new FittedTvae(options, layout, encoder, decoder, missingTargets, privacy);
        }, () =>
        {
            encoder?.Dispose();
            decoder?.Dispose();
        });
    }

    public void Dispose()
    {
        Encoder.Dispose();
        decoder.Dispose();
    }
}
