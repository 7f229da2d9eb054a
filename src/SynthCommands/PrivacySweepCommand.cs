using SynthCore.Evaluation.Privacy;

namespace SynthCommands;

/// <summary>
/// <c>synth privacy-sweep &lt;data&gt; --epsilons 0.1,1,10 --target COL [--model dp-copula] [--holdout-fraction F] [--json FILE] [fit options]</c>:
/// holds out a seeded share of the rows, fits the DP model at each ε on the rest (<see cref="EpsilonSweep"/>) and prints,
/// per ε, quality, utility against the held-out rows and time: what privacy costs. A DP-SGD model (gan, ctgan, tvae, …)
/// is fitted at the noise multiplier that gives each ε (<see cref="EpsilonSweep.RunDpSgd"/>).
/// </summary>
internal sealed class PrivacySweepCommand : TableCommand
{
    public PrivacySweepCommand() : base("privacy-sweep", "Fit a differentially private model at each ε on one part of a table and report, per ε, its quality, its utility against rows held out before fitting, and its fit time.")
    {
        DeclareOnTable(Model, Epsilons, Target, HoldoutFraction,
            Json, Force);
        Settings.AddTo(this);
    }

    internal Option<string> Model { get; } = new("--model")
    {
        Description = "A differentially private model: one with an epsilon option (dp-copula), or one trained with DP-SGD (gan, wgan-gp, cgan, ctgan, tvae, vae), whose noise multiplier is calibrated to each ε.",
        DefaultValueFactory = _ => "dp-copula",
    };
    internal Option<string> Epsilons { get; } = new("--epsilons")
    {
        Description = "Comma-separated privacy budgets ε to fit at, e.g. 0.1,0.5,1,5,10.",
        Required = true,
    };
    internal Option<string?> Target { get; } = new("--target") { Description = "The column to predict: utility (train on synthetic, test on the held-out rows) against train on real." };
    internal Option<double?> HoldoutFraction { get; } = new("--holdout-fraction")
    {
        Description = "Share of the rows held out before fitting, for utility (default 0.3).",
        CustomParser = result => OptionValues.ParseNumber(result, "--holdout-fraction"),
    };
    internal Option<string?> Json { get; } = SharedOptions.JsonOption();
    internal Option<bool> Force { get; } = SharedOptions.ForceOption("--json file");
    internal FitSettingsOptions Settings { get; } = new();

    private const string EpsilonKey = "epsilon", NoiseKey = "dp-noise-multiplier";

    internal override int Execute(ParseResult parse, CommandContext context)
    {
        string data = TableName(parse, context);
        string model = parse.GetValue(Model)!;
        var epsilons = EpsilonSweep.Parse(parse.GetValue(Epsilons)!, "--epsilons");
        var settings = FitSettingsReader.Read(parse, Settings);
        foreach (string key in new[] { EpsilonKey, NoiseKey })
            if (settings.Extra.Keys.Any(k => k.Equals(key, StringComparison.OrdinalIgnoreCase)))
                throw new SynthOptionException("--option", $"{key} is set by --epsilons in privacy-sweep; drop --option {key}=….");
        bool dpSgd = EnsureEpsilonModel(context, model, settings);
        string target = parse.GetValue(Target)
            ?? throw new SynthOptionException("--target", "name the column to predict: privacy-sweep measures utility against ε (e.g. --target Species).");
        double share = parse.GetValue(HoldoutFraction) ?? 0.3;
        string? json = parse.GetValue(Json);
        bool force = parse.GetValue(Force);
        if (json is not null) SafeFile.EnsureCanWrite(json, force, "--json", data);

        var (table, metadata) = TableInput.Load(context, data, parse.GetValue(Settings.Categorical));
        TableInput.EnsureModellable(metadata);
        ColumnList.EnsureColumn(target, "--target", metadata);
        var (training, holdout) = HoldoutSplit.Split(table, share, settings.Seed, "--holdout-fraction");
        FitStep.EnsureFits(context, context.Registry.Get(model), settings, training);
        context.Host.WriteLine($"Held out {holdout.Rows.Count:N0} of {table.Rows.Count:N0} rows (seed {settings.Seed}); {model} is fitted at each ε on the other {training.Rows.Count:N0}.");
        if (dpSgd)
            context.Host.WriteLine($"{model} trains with DP-SGD: at each ε its noise multiplier σ is the one at which the RDP accountant gives that ε for these rows and the fit's steps, batch and δ.");

        var progress = new InlineProgress(point => context.Host.WriteLine(Line(point)));
        var result = dpSgd
            ? EpsilonSweep.RunDpSgd(model, sigma => context.Registry.Create(model, With(settings, NoiseKey, sigma)), training, holdout, metadata, epsilons, target,
                settings.Seed, progress, context.Cancellation, "--epsilons")
            : EpsilonSweep.Run(model, epsilon => context.Registry.Create(model, With(settings, EpsilonKey, epsilon)), training, holdout, metadata, epsilons, target,
                settings.Seed, progress, context.Cancellation);
        context.Host.WriteLine(Render(result));
        if (result.Points.Any(p => !p.Guaranteed))
            context.Host.WriteError("warning: the fits are NOT differentially private (bounds taken from the data); the ε are nominal. Supply --option bounds=….");
        if (json is not null)
        {
            JsonSummary.Write(json, Summary(result, data), force);
            context.Host.WriteLine($"Wrote {json}");
        }
        return ExitCodes.Success;
    }

    /// <summary>
    /// Refuses, before reading the data, a model with neither an ε nor DP-SGD (only those can be swept) and bad fit options;
    /// returns whether the model is swept through its DP-SGD noise multiplier.
    /// </summary>
    private static bool EnsureEpsilonModel(CommandContext context, string model, SynthesizerSettings settings)
    {
        var descriptor = context.Registry.Get(model);
        if (descriptor.TakesEpsilon)
        {
            context.Registry.Create(model, With(settings, EpsilonKey, 1));
            return false;
        }
        if (descriptor.TrainsWithDpSgd)
        {
            context.Registry.Create(model, With(settings, NoiseKey, 1));
            return true;
        }
        throw new SynthOptionException("--model", $"'{model}' is not a differentially private model with an ε to set; privacy-sweep takes "
            + string.Join(", ", context.Registry.All.Where(d => d.TakesEpsilon).Select(d => d.Name)) + " (set by ε) and "
            + string.Join(", ", context.Registry.All.Where(d => d.TrainsWithDpSgd).Select(d => d.Name)) + " (trained with DP-SGD, their noise calibrated to each ε).");
    }

    private static SynthesizerSettings With(SynthesizerSettings settings, string key, double value) =>
        settings with { Extra = new Dictionary<string, string>(settings.Extra) { [key] = value.ToString("R", CultureInfo.InvariantCulture) } };

    private static string Line(EpsilonSweepPoint p) => string.Create(CultureInfo.InvariantCulture,
        $"ε = {p.Epsilon:G4}{(p.NoiseMultiplier is double s ? $" (σ = {s:G4})" : "")}: quality {p.Quality:0.000}{(p.UtilityPercent is double u ? $", utility {u:0.0}%" : "")}, fit {p.FitSeconds:0.000} s.");

    public static string Render(EpsilonSweepResult result)
    {
        string metric = result.UtilityMetric == "r_squared" ? "R²" : "AUC";
        bool sigma = result.Points.Any(p => p.NoiseMultiplier is not null);
        var table = new TextTable([.. sigma ? ["ε", "σ"] : new[] { "ε" }, "ε spent", "quality", $"TSTR {metric}", $"TRTR {metric}", "utility", "fit s", "sample s"]);
        foreach (var p in result.Points)
            table.Add([.. sigma ? [F(p.Epsilon, "G4"), F(p.NoiseMultiplier, "G4")] : new[] { F(p.Epsilon, "G4") },
                F(p.SpentEpsilon, "G4"), F(p.Quality, "0.000"), F(p.SyntheticScore, "0.000"), F(p.RealScore, "0.000"),
                p.UtilityPercent is double u ? u.ToString("0.0", CultureInfo.InvariantCulture) + "%" : "n/a", F(p.FitSeconds, "0.000"), F(p.SampleSeconds, "0.000")]);
        return $"{result.Model} on {result.TrainingRows:N0} training rows, utility of '{result.Target}' on {result.HoldoutRows:N0} held-out rows "
            + $"(boosted trees; utility = 100 · TSTR / TRTR; quality = SDMetrics' score against the training rows):\n{table}";
    }

    private static JsonObject Summary(EpsilonSweepResult result, string data) => new()
    {
        ["input"] = data,
        ["model"] = result.Model,
        ["seed"] = result.Seed,
        ["training_rows"] = result.TrainingRows,
        ["holdout_rows"] = result.HoldoutRows,
        ["target"] = result.Target,
        ["utility_metric"] = result.UtilityMetric,
        ["points"] = new JsonArray(result.Points.Select(p => (JsonNode?)new JsonObject
        {
            ["epsilon"] = p.Epsilon,
            ["noise_multiplier"] = JsonSummary.Number(p.NoiseMultiplier),
            ["epsilon_spent"] = JsonSummary.Number(p.SpentEpsilon),
            ["delta_spent"] = JsonSummary.Number(p.SpentDelta),
            ["guaranteed"] = p.Guaranteed,
            ["quality"] = JsonSummary.Number(p.Quality),
            ["tstr"] = JsonSummary.Number(p.SyntheticScore),
            ["trtr"] = JsonSummary.Number(p.RealScore),
            ["utility_percent"] = JsonSummary.Number(p.UtilityPercent),
            ["fit_seconds"] = p.FitSeconds,
            ["sample_seconds"] = p.SampleSeconds,
        }).ToArray()),
    };

    private static string F(double? value, string format) => value is double v && double.IsFinite(v) ? v.ToString(format, CultureInfo.InvariantCulture) : "n/a";

    /// <summary>Reports on the calling thread, at once (Progress&lt;T&gt; would post to the thread pool and lose the order).</summary>
    private sealed class InlineProgress(Action<EpsilonSweepPoint> report) : IProgress<EpsilonSweepPoint>
    {
        public void Report(EpsilonSweepPoint value) => report(value);
    }
}
