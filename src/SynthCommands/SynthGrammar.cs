using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace SynthCommands;

/// <summary>
/// The one grammar of <c>synth …</c> (console) and <c>#!synth …</c> (notebook magics), built with
/// System.CommandLine. It only declares commands, arguments and options; <see cref="SynthCommandExecutor"/>
/// attaches what they do.
/// </summary>
public sealed class SynthGrammar
{
    public SynthGrammar()
    {
        Describe = new Command("describe", "Show each column's detected kind, missing values and distinct values.");
        Add(Describe, DescribeData, DescribeDataOption, DescribeCategorical, DescribeJson, DescribeForce);
        AddSourceOptions(Describe);

        Fit = new Command("fit", "Fit a model to a table and save it as a model file.");
        Add(Fit, FitData, FitDataOption, FitModel, FitOut, FitJson, FitForce, FitInto, FitRows);
        AddSourceOptions(Fit);
        FitSettings.AddTo(Fit);

        Sample = new Command("sample", "Sample rows from a saved model and write them as a timestamped CSV.");
        Add(Sample, SampleModel, SampleRows, SampleSeed, SampleWhere, SampleOut, SampleName, SampleFormat, SampleShard, SampleJson, SampleForce, SampleInto);

        Run = new Command("run", "Fit, sample, compare with the real table, and export the synthetic CSV in one go.");
        Add(Run, RunData, RunDataOption, RunModel, RunRows, RunOut, RunName, RunFormat, RunJson, RunReport, RunForce, RunAugment, RunBalance, RunBalanceRatio, RunHoldoutFraction, RunTarget, RunWhere, RunScoreIterations, RunInto, RunFitRows);
        AddSourceOptions(Run);
        RunSettings.AddTo(Run);

        Evaluate = new Command("evaluate", "Score a synthetic table against the real one (quality and diagnostic reports, charts).");
        Add(Evaluate, EvaluateReal, EvaluateSynthetic, EvaluateCategorical, EvaluateTarget, EvaluateSeed, EvaluateHoldout, EvaluateSeqLen, EvaluateOption, EvaluateScoreIterations,
            EvaluateJson, EvaluateReport, EvaluateForce);
        AddSourceOptions(Evaluate);

        Models = new Command("models", "List the available models; with a model's name, the --option settings it takes (type, default, what each sets).");
        Models.Arguments.Add(ModelsName);

        Privacy = new Command("privacy", "Measure how close a synthetic table is to the real rows (distance to closest record, copies, membership and attribute-disclosure attacks).");
        Add(Privacy, PrivacyReal, PrivacySynthetic, PrivacyHoldout, PrivacyHoldoutFraction, PrivacySeed, PrivacyQuasi, PrivacySensitive, PrivacyBins, PrivacyCategorical, PrivacyJson, PrivacyForce);
        AddSourceOptions(Privacy);

        Anonymize = new Command("anonymize", "Make a table k-anonymous by Mondrian generalisation of its quasi-identifiers and write it as a timestamped CSV.");
        Add(Anonymize, AnonymizeData, AnonymizeDataOption, AnonymizeK, AnonymizeQuasi, AnonymizeSensitive, AnonymizeL, AnonymizeOut, AnonymizeName, AnonymizeCategorical, AnonymizeJson, AnonymizeForce);
        AddSourceOptions(Anonymize);

        Plot = new Command("plot", "Chart a synthetic table against the real one: distributions, Q-Q plots, correlations, a pair plot, PCA, t-SNE, sequences, or a VAE's latent space.");
        Add(Plot, PlotReal, PlotSynthetic, PlotKind, PlotColumns, PlotModel, PlotOut, PlotSequences, PlotSeed, PlotCategorical);
        AddSourceOptions(Plot);

        Export = new Command("export", "Write a table as a timestamped CSV file (never replacing one).");
        Add(Export, ExportData, ExportOut, ExportName, ExportFormat);
        AddSourceOptions(Export);

        Forecast = new Command("forecast", "Fit (S)ARIMA to one numeric column and write multi-step forecasts with prediction intervals as a timestamped CSV.");
        Add(Forecast, ForecastData, ForecastDataOption, ForecastColumn, ForecastTime, ForecastHorizon, ForecastLevel, ForecastOrder, ForecastSeasonal,
            ForecastPeriod, ForecastMethod, ForecastOut, ForecastName, ForecastJson, ForecastForce, ForecastInto);
        AddSourceOptions(Forecast);

        FitDistributions = new Command("fit-distributions", "Fit every applicable distribution family to each numeric column and rank them (AIC or KS): families, parameters, KS, AIC.");
        Add(FitDistributions, FitDistributionsData, FitDistributionsDataOption, FitDistributionsColumns, FitDistributionsRanking, FitDistributionsTop,
            FitDistributionsCategorical, FitDistributionsJson, FitDistributionsForce);
        AddSourceOptions(FitDistributions);

        Perturb = new Command("perturb", "Add Gaussian noise to numeric columns (a fraction of each column's std) and optionally swap categories; write the perturbed table to a CSV file.");
        Add(Perturb, PerturbData, PerturbDataOption, PerturbOut, PerturbForce, PerturbScale, PerturbColumns, PerturbClip, PerturbSwapRate, PerturbSeed,
            PerturbCategorical, PerturbInto);
        AddSourceOptions(Perturb);

        Compare = new Command("compare", "Fit several models on one table and rank them on quality, detection, privacy, utility and time, against rows held out before fitting.");
        Add(Compare, CompareData, CompareDataOption, CompareModels, CompareHoldoutFraction, CompareTarget, CompareJson, CompareForce);
        AddSourceOptions(Compare);
        CompareSettings.AddTo(Compare);

        PrivacySweep = new Command("privacy-sweep", "Fit a differentially private model at each ε on one part of a table and report, per ε, its quality, its utility against rows held out before fitting, and its fit time.");
        Add(PrivacySweep, PrivacySweepData, PrivacySweepDataOption, PrivacySweepModel, PrivacySweepEpsilons, PrivacySweepTarget, PrivacySweepHoldoutFraction,
            PrivacySweepJson, PrivacySweepForce);
        AddSourceOptions(PrivacySweep);
        PrivacySweepSettings.AddTo(PrivacySweep);

        Encode = new Command("encode", "Write each row's latent code under a vae or tvae model (the encoder's posterior mean) as a CSV of columns z0, z1, ….");
        Add(Encode, EncodeModel, EncodeData, EncodeOut, EncodeForce, EncodeInto);

        Interpolate = new Command("interpolate", "Decode the straight line in a vae or tvae model's latent space from one row's code to another's, as a CSV of --steps rows.");
        Add(Interpolate, InterpolateModel, InterpolateData, InterpolateFrom, InterpolateTo, InterpolateSteps, InterpolateOut, InterpolateForce, InterpolateInto);

        Root = new RootCommand("synth: generate synthetic tabular data (describe, fit, sample, run, evaluate, compare, privacy-sweep, fit-distributions, plot, export, models, privacy, anonymize, perturb, forecast, encode, interpolate).")
        {
            Describe, Fit, Sample, Run, Evaluate, Compare, PrivacySweep, FitDistributions, Plot, Export, Models, Privacy, Anonymize, Perturb, Forecast, Encode, Interpolate,
        };
    }

    public RootCommand Root { get; }

    public Command Describe { get; }
    public Argument<string?> DescribeData { get; } = DataArgument();
    public Argument<string?> ModelsName { get; } = new("model") { Description = "A model's name: list its --option settings.", Arity = ArgumentArity.ZeroOrOne };
    public Option<string?> DescribeDataOption { get; } = DataOption();
    public Option<string?> DescribeCategorical { get; } = CategoricalOption();
    public Option<string?> DescribeJson { get; } = JsonOption();
    public Option<bool> DescribeForce { get; } = ForceOption("--json file");

    public Command Fit { get; }
    public Argument<string?> FitData { get; } = DataArgument();
    public Option<string?> FitDataOption { get; } = DataOption();
    public Option<string> FitModel { get; } = ModelOption();
    public Option<string> FitOut { get; } = new("--out") { Description = "The model file to write.", Required = true };
    public Option<string?> FitJson { get; } = JsonOption();
    public Option<bool> FitForce { get; } = ForceOption("model file or --json file");
    public FitSettingsOptions FitSettings { get; } = new();
    public Option<string?> FitInto { get; } = IntoOption("fitted model", "the model file's name");
    public Option<int?> FitRows { get; } = FitRowsOption();

    public Command Sample { get; }
    public Argument<string> SampleModel { get; } = new("model") { Description = "The fitted model: a model file (console) or a variable (notebook)." };
    public Option<long> SampleRows { get; } = new("--rows")
    {
        Description = "Rows to generate (with --shard, up to about 21 trillion over all shards; without, up to 2,147,483,647).",
        Required = true,
        CustomParser = result => ParseLong(result, "--rows") ?? 0,
    };
    public Option<int?> SampleSeed { get; } = NullableInt("--seed", "Seed for sampling (default: the seed the model was fitted with).");
    public Option<string[]> SampleWhere { get; } = WhereOption();
    public Option<string> SampleOut { get; } = OutDirOption();
    public Option<string?> SampleName { get; } = NameOption("the model's name");
    public Option<string?> SampleFormat { get; } = FormatOption();
    public Option<string?> SampleShard { get; } = new("--shard")
    {
        Description = "Write shard i of K (i from 0) as DIR/part-i-of-K.<format>: rows come in blocks of 10,000 seeded by (seed, block), shard i takes blocks i, i+K, i+2K, …, so the K shards together hold the same rows for any K.",
    };
    public Option<string?> SampleJson { get; } = JsonOption();
    public Option<bool> SampleForce { get; } = ForceOption("--json file");
    public Option<string?> SampleInto { get; } = IntoOption("sampled DataFrame", "--name");

    public Command Run { get; }
    public Argument<string?> RunData { get; } = DataArgument();
    public Option<string?> RunDataOption { get; } = DataOption();
    public Option<string> RunModel { get; } = ModelOption();
    public Option<int?> RunRows { get; } = NullableInt("--rows", "Rows to generate (default: as many as the input).");
    public Option<string> RunOut { get; } = OutDirOption();
    public Option<string?> RunName { get; } = NameOption("the input file's name");
    public Option<string?> RunFormat { get; } = FormatOption();
    public Option<string?> RunJson { get; } = JsonOption();
    public Option<string?> RunReport { get; } = new("--report")
    {
        Description = "Also write a self-contained HTML report of the synthetic table against the real one to this file (as 'synth evaluate --report'; for sequence models, sequence charts and statistics).",
    };
    public Option<bool> RunForce { get; } = ForceOption("--json or --report file");
    public FitSettingsOptions RunSettings { get; } = new();
    public Option<int?> RunFitRows { get; } = FitRowsOption();
    public Option<string?> RunInto { get; } = IntoOption("exported DataFrame (with --augment, real and synthetic rows)", "--name");
    public Option<bool> RunAugment { get; } = new("--augment")
    {
        Description = "Export the real rows followed by the synthetic rows, with a 'source' column (real / synthetic).",
    };
    public Option<string?> RunBalance { get; } = new("--balance")
    {
        Description = "Instead of --rows, generate for each class of this categorical column just enough rows (by conditional sampling) for it to reach --balance-ratio times the largest class.",
    };
    public Option<double?> RunBalanceRatio { get; } = new("--balance-ratio")
    {
        Description = "With --balance: the share of the largest class every class is topped up to (default 1 = equal classes).",
        CustomParser = result => ParseNumber(result, "--balance-ratio"),
    };
    public Option<double?> RunHoldoutFraction { get; } = new("--holdout-fraction")
    {
        Description = "Hold this share of the rows out before fitting (seeded by --seed): the model sees the rest, and the run then evaluates the synthetic rows against them, with privacy (DCR share, copies, membership attack) and --target's utility measured on the held-out rows.",
        CustomParser = result => ParseNumber(result, "--holdout-fraction"),
    };
    public Option<string[]> RunWhere { get; } = WhereOption();
    public Option<int?> RunScoreIterations { get; } = ScoreIterationsOption();
    public Option<string?> RunTarget { get; } = new("--target")
    {
        Description = "A column to predict; models trained on the synthetic rows and on the real training rows are both tested on the held-out rows (--holdout-fraction, 0.2 by default with --target).",
    };

    public Command FitDistributions { get; }
    public Argument<string?> FitDistributionsData { get; } = DataArgument();
    public Option<string?> FitDistributionsDataOption { get; } = DataOption();
    public Option<string?> FitDistributionsColumns { get; } = new("--columns") { Description = "Comma-separated numeric columns (default: every continuous and integer column)." };
    public Option<string> FitDistributionsRanking { get; } = new("--ranking")
    {
        Description = "aic (default: Akaike information criterion, lower is better) or ks (Kolmogorov-Smirnov distance).",
        DefaultValueFactory = _ => "aic",
    };
    public Option<int?> FitDistributionsTop { get; } = NullableInt("--top", "Families shown per column (default 3; --json has all).");
    public Option<string?> FitDistributionsCategorical { get; } = CategoricalOption();
    public Option<string?> FitDistributionsJson { get; } = JsonOption();
    public Option<bool> FitDistributionsForce { get; } = ForceOption("--json file");

    public Command Compare { get; }
    public Argument<string?> CompareData { get; } = DataArgument();
    public Option<string?> CompareDataOption { get; } = DataOption();
    public Option<string> CompareModels { get; } = new("--models")
    {
        Description = "Comma-separated models to fit and rank (see 'synth models'), e.g. copula,cart,ctgan.",
        Required = true,
    };
    public Option<double?> CompareHoldoutFraction { get; } = new("--holdout-fraction")
    {
        Description = "Share of the rows held out before fitting, for privacy and utility (default 0.5: equal halves, so a DCR share of 0.5 is private).",
        CustomParser = result => ParseNumber(result, "--holdout-fraction"),
    };
    public Option<string?> CompareTarget { get; } = new("--target") { Description = "A column to predict: utility of each model's rows, tested on the held-out rows." };
    public Option<string?> CompareJson { get; } = JsonOption();
    public Option<bool> CompareForce { get; } = ForceOption("--json file");
    public FitSettingsOptions CompareSettings { get; } = new();

    public Command PrivacySweep { get; }
    public Argument<string?> PrivacySweepData { get; } = DataArgument();
    public Option<string?> PrivacySweepDataOption { get; } = DataOption();
    public Option<string> PrivacySweepModel { get; } = new("--model")
    {
        Description = "A differentially private model: one with an epsilon option (dp-copula), or one trained with DP-SGD (gan, wgan-gp, cgan, ctgan, tvae, vae), whose noise multiplier is calibrated to each ε.",
        DefaultValueFactory = _ => "dp-copula",
    };
    public Option<string> PrivacySweepEpsilons { get; } = new("--epsilons")
    {
        Description = "Comma-separated privacy budgets ε to fit at, e.g. 0.1,0.5,1,5,10.",
        Required = true,
    };
    public Option<string?> PrivacySweepTarget { get; } = new("--target") { Description = "The column to predict: utility (train on synthetic, test on the held-out rows) against train on real." };
    public Option<double?> PrivacySweepHoldoutFraction { get; } = new("--holdout-fraction")
    {
        Description = "Share of the rows held out before fitting, for utility (default 0.3).",
        CustomParser = result => ParseNumber(result, "--holdout-fraction"),
    };
    public Option<string?> PrivacySweepJson { get; } = JsonOption();
    public Option<bool> PrivacySweepForce { get; } = ForceOption("--json file");
    public FitSettingsOptions PrivacySweepSettings { get; } = new();

    public Command Evaluate { get; }
    public Argument<string?> EvaluateReal { get; } = new("real") { Description = "The real table: a CSV or Parquet file, or a folder of Parquet files (console), or a DataFrame variable (notebook); or give it with --from and --query, and the synthetic table alone.", Arity = ArgumentArity.ZeroOrOne };
    public Argument<string?> EvaluateSynthetic { get; } = new("synthetic") { Description = "The synthetic table to score, with the real table's columns.", Arity = ArgumentArity.ZeroOrOne };
    public Option<string?> EvaluateCategorical { get; } = CategoricalOption();
    public Option<string?> EvaluateTarget { get; } = new("--target")
    {
        Description = "Also measure machine-learning utility for this column: models trained on the synthetic table (and, for reference, on real rows) tested on held-out real rows.",
    };
    public Option<int?> EvaluateSeed { get; } = NullableInt("--seed", "Seed of detection and of the --target holdout split and models (default 42).");
    public Option<string?> EvaluateHoldout { get; } = new("--holdout")
    {
        Description = "Real rows the synthesizer never saw (a CSV file, or a DataFrame variable in a notebook): --target's utility is tested on them, and privacy (DCR share, copies, membership attack) is measured against them. Without it, utility is tested on a split of the real table, which the synthesizer may have seen.",
    };
    public Option<int?> EvaluateSeqLen { get; } = NullableInt("--seq-len",
        "Score sequences: the synthetic table is the sequence_id, step, features table a sequence model writes, with sequences of this many steps; the real table is read as windows of that length (as 'run --seq-len' reads it), or is a sequence table too.");
    public Option<string[]> EvaluateOption { get; } = new("--option")
    {
        Description = "With --seq-len: how the real table is read as sequences, as 'run' takes it (repeatable): stride=N, time-column=C, id-column=C, features=a,b, irregular=true.",
        Arity = ArgumentArity.ZeroOrMore,
    };
    public Option<int?> EvaluateScoreIterations { get; } = ScoreIterationsOption();
    public Option<string?> EvaluateJson { get; } = JsonOption();
    public Option<string?> EvaluateReport { get; } = new("--report") { Description = "Also write a self-contained HTML report (tables and charts, works offline) to this file." };
    public Option<bool> EvaluateForce { get; } = ForceOption("--json or --report file");

    public Command Plot { get; }
    public Argument<string?> PlotReal { get; } = new("real") { Description = "The real table: a CSV or Parquet file, or a folder of Parquet files (console), or a DataFrame variable (notebook); or give it with --from and --query, and the synthetic table alone.", Arity = ArgumentArity.ZeroOrOne };
    public Argument<string?> PlotSynthetic { get; } = new("synthetic") { Description = "The synthetic table (for series, pca and tsne of sequences: the sequence_id, step, features table a sequence model writes).", Arity = ArgumentArity.ZeroOrOne };
    public Option<string> PlotKind { get; } = new("--kind")
    {
        Description = "What to draw: distributions, qq, correlation, pairs, pca, tsne, series, latent.",
        Required = true,
    };
    public Option<string?> PlotColumns { get; } = new("--columns") { Description = "Comma-separated columns (or sequence features) to draw (default: all that fit the kind; pairs: the first 4 numeric)." };
    public Option<string?> PlotModel { get; } = new("--model") { Description = "With --kind latent: the fitted tvae or vae model whose encoder maps the rows (a model file, or in a notebook a variable)." };
    public Option<string?> PlotOut { get; } = new("--out")
    {
        Description = "The HTML file to write (standalone, works offline; never replaced). Default on the console: outputs/<kind>_plot_<timestamp>.html; a notebook shows the chart.",
    };
    public Option<int?> PlotSequences { get; } = NullableInt("--sequences", "With --kind series: real and synthetic sequences drawn per feature (default 5).");
    public Option<int?> PlotSeed { get; } = NullableInt("--seed", "With --kind tsne: seed of the layout (default 42).");
    public Option<string?> PlotCategorical { get; } = CategoricalOption();

    public Command Export { get; }
    public Argument<string?> ExportData { get; } = new("table") { Description = "The table: a CSV or Parquet file, or a folder of Parquet files (console), or a DataFrame variable (notebook); or give it with --from and --query.", Arity = ArgumentArity.ZeroOrOne };
    public Option<string> ExportOut { get; } = new("--out")
    {
        Description = "Directory for the CSV (created if missing).",
        DefaultValueFactory = _ => "outputs",
    };
    public Option<string?> ExportName { get; } = new("--name") { Description = "Name of the output file: <name>_synthetic_<timestamp>.csv (default: the table's name)." };
    public Option<string?> ExportFormat { get; } = FormatOption();

    public Command Models { get; }

    public Command Privacy { get; }
    public Argument<string?> PrivacyReal { get; } = new("real") { Description = "The real rows the synthesizer was fitted on: a CSV or Parquet file, or a folder of Parquet files (console), or a DataFrame variable (notebook); or give it with --from and --query, and the synthetic table alone.", Arity = ArgumentArity.ZeroOrOne };
    public Argument<string?> PrivacySynthetic { get; } = new("synthetic") { Description = "The synthetic table.", Arity = ArgumentArity.ZeroOrOne };
    public Option<string?> PrivacyHoldout { get; } = new("--holdout") { Description = "Real rows the synthesizer never saw (needed for the baselines and the membership attack)." };
    public Option<double?> PrivacyHoldoutFraction { get; } = new("--holdout-fraction")
    {
        Description = "Instead of --holdout, split this share of the real rows off as the holdout (seeded by --seed). Only meaningful if the synthesizer was fitted on the rest.",
        CustomParser = result => ParseNumber(result, "--holdout-fraction"),
    };
    public Option<int?> PrivacySeed { get; } = NullableInt("--seed", "Seed of the --holdout-fraction split (default 42).");
    public Option<string?> PrivacyQuasi { get; } = new("--quasi") { Description = "Comma-separated quasi-identifiers for the attribute-disclosure attack (with --sensitive)." };
    public Option<string?> PrivacySensitive { get; } = new("--sensitive") { Description = "The sensitive column the attribute-disclosure attack tries to infer." };
    public Option<int?> PrivacyBins { get; } = NullableInt("--bins", "Equal-width bins numbers are matched by in the disclosure attack (default 10; 0 = exact values).");
    public Option<string?> PrivacyCategorical { get; } = CategoricalOption();
    public Option<string?> PrivacyJson { get; } = JsonOption();
    public Option<bool> PrivacyForce { get; } = ForceOption("--json file");

    public Command Perturb { get; }
    public Argument<string?> PerturbData { get; } = DataArgument();
    public Option<string?> PerturbDataOption { get; } = DataOption();
    public Option<string> PerturbOut { get; } = new("--out") { Description = "The CSV file to write.", Required = true };
    public Option<bool> PerturbForce { get; } = ForceOption("--out file");
    public Option<double?> PerturbScale { get; } = new("--scale")
    {
        Description = "Noise standard deviation as a fraction of each numeric column's standard deviation (default 0.1).",
        CustomParser = result => ParseNumber(result, "--scale"),
    };
    public Option<string?> PerturbColumns { get; } = new("--columns")
    {
        Description = "Comma-separated columns to perturb (default: every numeric column, and every categorical one with --swap-rate).",
    };
    public Option<bool> PerturbClip { get; } = new("--clip") { Description = "Keep noisy values within each column's observed range (clipped)." };
    public Option<double?> PerturbSwapRate { get; } = new("--swap-rate")
    {
        Description = "Probability that a categorical value is redrawn from its column's marginal (default 0: categories untouched).",
        CustomParser = result => ParseNumber(result, "--swap-rate"),
    };
    public Option<int?> PerturbSeed { get; } = NullableInt("--seed", "Seed of the noise and the swaps (default 42).");
    public Option<string?> PerturbCategorical { get; } = CategoricalOption();
    public Option<string?> PerturbInto { get; } = IntoOption("perturbed DataFrame", "<name>_perturbed");

    public Command Anonymize { get; }
    public Argument<string?> AnonymizeData { get; } = DataArgument();
    public Option<string?> AnonymizeDataOption { get; } = DataOption();
    public Option<int> AnonymizeK { get; } = new("--k")
    {
        Description = "Every combination of generalised quasi-identifiers is shared by at least k rows.",
        Required = true,
        CustomParser = result => ParseWhole(result, "--k") ?? 0,
    };
    public Option<string> AnonymizeQuasi { get; } = new("--quasi") { Description = "Comma-separated quasi-identifier columns to generalise.", Required = true };
    public Option<string?> AnonymizeSensitive { get; } = new("--sensitive") { Description = "A sensitive column to check distinct l-diversity on." };
    public Option<int?> AnonymizeL { get; } = NullableInt("--l", "The l of the l-diversity check (default 2; needs --sensitive).");
    public Option<string> AnonymizeOut { get; } = new("--out")
    {
        Description = "Directory for the anonymized CSV (created if missing).",
        DefaultValueFactory = _ => "outputs",
    };
    public Option<string?> AnonymizeName { get; } = new("--name") { Description = "Name of the output file: <name>_anonymized_<timestamp>.csv (default: the input file's name)." };
    public Option<string?> AnonymizeCategorical { get; } = CategoricalOption();
    public Option<string?> AnonymizeJson { get; } = JsonOption();
    public Option<bool> AnonymizeForce { get; } = ForceOption("--json file");

    public Command Encode { get; }
    public Argument<string> EncodeModel { get; } = LatentModelArgument();
    public Argument<string> EncodeData { get; } = new("data") { Description = "The rows to encode, with the model's columns: a CSV file (console) or a DataFrame variable (notebook)." };
    public Option<string> EncodeOut { get; } = new("--out") { Description = "The CSV file of latent codes to write (never replaced without --force).", Required = true };
    public Option<bool> EncodeForce { get; } = ForceOption("--out file");
    public Option<string?> EncodeInto { get; } = IntoOption("DataFrame of latent codes", "the --out file's name");

    public Command Interpolate { get; }
    public Argument<string> InterpolateModel { get; } = LatentModelArgument();
    public Option<string> InterpolateData { get; } = new("--data") { Description = "The table the two rows come from, with the model's columns.", Required = true };
    public Option<int> InterpolateFrom { get; } = new("--from-row")
    {
        Description = "The row whose code starts the line, counted from 1 (the first row after the header).",
        Required = true,
        CustomParser = result => ParseWhole(result, "--from-row") ?? 0,
    };
    public Option<int> InterpolateTo { get; } = new("--to-row")
    {
        Description = "The row whose code ends the line, counted from 1.",
        Required = true,
        CustomParser = result => ParseWhole(result, "--to-row") ?? 0,
    };
    public Option<int?> InterpolateSteps { get; } = NullableInt("--steps", "Rows on the line, both ends included (default 10, at least 2).");
    public Option<string> InterpolateOut { get; } = new("--out") { Description = "The CSV file of decoded rows to write (never replaced without --force).", Required = true };
    public Option<bool> InterpolateForce { get; } = ForceOption("--out file");
    public Option<string?> InterpolateInto { get; } = IntoOption("DataFrame of decoded rows", "the --out file's name");

    public Command Forecast { get; }
    public Argument<string?> ForecastData { get; } = DataArgument();
    public Option<string?> ForecastDataOption { get; } = DataOption();
    public Option<string> ForecastColumn { get; } = new("--column") { Description = "The numeric column to forecast.", Required = true };
    public Option<string?> ForecastTime { get; } = new("--time")
    {
        Description = "The column that orders the rows and is extended by its spacing (default: the table's datetime column, if it has exactly one; else row order).",
    };
    public Option<int> ForecastHorizon { get; } = new("--horizon")
    {
        Description = "Steps to forecast.",
        Required = true,
        CustomParser = result => ParseWhole(result, "--horizon") ?? 0,
    };
    public Option<double?> ForecastLevel { get; } = new("--level")
    {
        Description = "Coverage of the prediction intervals, between 0 and 1 (default 0.95).",
        CustomParser = result => ParseNumber(result, "--level"),
    };
    public Option<string?> ForecastOrder { get; } = new("--order") { Description = "A fixed order p,d,q (default: the lowest AIC over p, q ≤ 2, P, Q ≤ 1, d and the period detected)." };
    public Option<string?> ForecastSeasonal { get; } = new("--seasonal") { Description = "With --order: the seasonal order P,D,Q,s." };
    public Option<int?> ForecastPeriod { get; } = NullableInt("--period", "Without --order: the seasonal period the search uses (0 = none; default: detected from the autocorrelation).");
    public Option<string?> ForecastMethod { get; } = new("--method")
    {
        Description = "Estimation: css (conditional sum of squares), ml (exact maximum likelihood) or css-ml (ML started from CSS; the default).",
    };
    public Option<string> ForecastOut { get; } = new("--out")
    {
        Description = "Directory for the forecast CSV (created if missing).",
        DefaultValueFactory = _ => "outputs",
    };
    public Option<string?> ForecastName { get; } = new("--name") { Description = "Name of the output file: <name>_forecast_<timestamp>.csv (default: the input's name)." };
    public Option<string?> ForecastJson { get; } = JsonOption();
    public Option<bool> ForecastForce { get; } = ForceOption("--json file");
    public Option<string?> ForecastInto { get; } = IntoOption("forecast DataFrame", "<name>_forecast");

    private static void Add(Command command, params Symbol[] symbols)
    {
        foreach (var symbol in symbols)
        {
            if (symbol is Argument argument) command.Arguments.Add(argument);
            else if (symbol is Option option) command.Options.Add(option);
        }
    }

    /// <summary>The options every fitting command (fit, run) takes, mapped onto SynthesizerSettings.</summary>
    public sealed class FitSettingsOptions
    {
        public Option<int?> Seed { get; } = NullableInt("--seed", "Seed of the fit (default 42); the same seed gives the same model.");
        public Option<int?> Epochs { get; } = NullableInt("--epochs", "Epochs (or training steps, depending on the model).");
        public Option<int?> BatchSize { get; } = NullableInt("--batch-size", "Batch size.");
        public Option<int?> SeqLen { get; } = NullableInt("--seq-len", "Steps per sequence (sequence models: timegan, arima, ar1, block-bootstrap; default 24).");
        public Option<double?> LearningRate { get; } = new("--learning-rate")
        {
            Description = "Learning rate.",
            CustomParser = result => ParseNumber(result, "--learning-rate"),
        };
        public Option<string> Device { get; } = new("--device") { Description = "TorchSharp device (cpu, cuda, cuda:N).", DefaultValueFactory = _ => "cpu" };
        public Option<string?> Categorical { get; } = CategoricalOption();
        public Option<string[]> Extra { get; } = new("--option")
        {
            Description = "A model-specific option as key=value (repeatable), e.g. --option latent-dim=64.",
            Arity = ArgumentArity.ZeroOrMore,
        };

        internal void AddTo(Command command) =>
            Add(command, Seed, Epochs, BatchSize, SeqLen, LearningRate, Device, Categorical, Extra);
    }

    private static Argument<string?> DataArgument() => new("data")
    {
        Description = "The table: a CSV or Parquet file, or a folder of Parquet files (console), or a DataFrame variable (notebook).",
        Arity = ArgumentArity.ZeroOrOne,
    };

    private static Option<string?> DataOption() => new("--data") { Description = "The table, instead of the positional argument." };

    /// <summary><c>--from SCHEME:FILE|CONNECTION --query SQL</c>: the table as the rows of a query, in place of the data argument (<see cref="TableInput.DataName"/>).</summary>
    private static void AddSourceOptions(Command command)
    {
        command.Options.Add(new Option<string?>(TableInput.FromOption)
        {
            Description = "A database to read the table from, instead of the data argument: sqlite:FILE or duckdb:FILE (console; opened read-only), or a DbConnection variable (notebook: any ADO.NET provider the notebook loads). Needs --query.",
        });
        command.Options.Add(new Option<string?>(TableInput.QueryOption) { Description = "The SELECT whose rows are the table, run on --from's database." });
    }

    private static Option<string> ModelOption() => new("--model") { Description = "The model to fit (see 'synth models').", Required = true };

    private static Option<string?> CategoricalOption() => new("--categorical")
    {
        Description = "Comma-separated columns to treat as categorical, whatever their values look like.",
    };

    private static Option<string[]> WhereOption() => new("--where")
    {
        Description = "A condition every sampled row meets (repeatable, one per column): \"age between 30 and 40\", \"age >= 30\" (also <=, >, <), \"default = yes\", \"species in (Adelie, Gentoo)\".",
        Arity = ArgumentArity.ZeroOrMore,
    };

    private static Argument<string> LatentModelArgument() => new("model")
    {
        Description = "A fitted vae or tvae model: a model file (console) or a variable (notebook). Models without a latent space are refused.",
    };

    private static Option<int?> ScoreIterationsOption() => NullableInt("--score-iterations",
        "Sequences: training iterations of the discriminative score's classifier and the predictive score's networks (default: the TimeGAN reference code's 2,000 and 5,000; 0 skips both scores).");

    private static Option<string?> FormatOption() => new("--format")
    {
        Description = "Format of the output file: csv (default) or parquet (typed columns, for Spark, DuckDB, pandas).",
    };

    private static Option<string?> JsonOption() => new("--json") { Description = "Also write a machine-readable summary to this JSON file." };

    private static Option<bool> ForceOption(string what) => new("--force") { Description = $"Replace an existing {what}." };

    private static Option<string> OutDirOption() => new("--out")
    {
        Description = "Directory for the synthetic CSV (created if missing).",
        DefaultValueFactory = _ => "outputs",
    };

    private static Option<string?> NameOption(string fallback) => new("--name")
    {
        Description = $"Name of the output file: <name>_synthetic_<timestamp>.csv (default: {fallback}).",
    };

    private static Option<string?> IntoOption(string what, string fallback) => new("--into")
    {
        Description = $"Notebook only: the variable that receives the {what} (default: {fallback}). The console ignores it.",
    };

    private static Option<int> RowsOption(bool required) => new("--rows")
    {
        Description = "Rows to generate.",
        Required = required,
        CustomParser = result => ParseWhole(result, "--rows") ?? 0,
    };

    private static Option<int?> FitRowsOption() => new("--fit-rows")
    {
        Description = "Fit on a seeded sample of N rows (drawn as a CSV streams past, so the table need not fit in memory), plus the rows holding levels and bounds outside it; the output says so.",
        CustomParser = result =>
        {
            int? rows = ParseWhole(result, "--fit-rows");
            if (rows is <= 0) result.AddError($"Option '--fit-rows': must be at least 1 row, got {rows.Value.ToString(CultureInfo.InvariantCulture)}.");
            return rows;
        },
    };

    private static Option<int?> NullableInt(string name, string description) => new(name)
    {
        Description = description,
        CustomParser = result => ParseWhole(result, name),
    };

    // Custom parsers so that a bad value gets a message naming the option; the executor reports
    // these (errors on an option's value) as option errors, exit code 1, not usage errors.
    private static long? ParseLong(ArgumentResult result, string option)
    {
        if (result.Tokens.Count == 0) return null;
        string text = result.Tokens[^1].Value;
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long value)) return value;
        result.AddError($"Option '{option}': {NotWhole(text, long.MinValue, long.MaxValue)}");
        return null;
    }

    private static int? ParseWhole(ArgumentResult result, string option)
    {
        if (result.Tokens.Count == 0) return null;
        string text = result.Tokens[^1].Value;
        if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int value)) return value;
        result.AddError($"Option '{option}': {NotWhole(text)}");
        return null;
    }

    /// <summary>Why <paramref name="text"/> is not an <see cref="int"/>: out of range (saying the bound), or not a whole number at all.</summary>
    internal static string NotWhole(string text) => NotWhole(text, int.MinValue, int.MaxValue);

    /// <summary>Why <paramref name="text"/> is not a whole number from <paramref name="min"/> to <paramref name="max"/>.</summary>
    private static string NotWhole(string text, long min, long max)
    {
        if (!System.Numerics.BigInteger.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var big))
            return $"'{text}' is not a whole number.";
        return big > max
            ? $"'{text}' is too large: at most {max.ToString(CultureInfo.InvariantCulture)}."
            : $"'{text}' is too small: at least {min.ToString(CultureInfo.InvariantCulture)}.";
    }

    private static double? ParseNumber(ArgumentResult result, string option)
    {
        if (result.Tokens.Count == 0) return null;
        string text = result.Tokens[^1].Value;
        bool parsed = double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value);
        if (parsed && double.IsFinite(value)) return value;
        // .NET reads 1e400 as infinity: that is a number too large, not "not a number".
        result.AddError(parsed && double.IsInfinity(value) && !text.Contains("inf", StringComparison.OrdinalIgnoreCase) && !text.Contains('∞')
            ? $"Option '{option}': '{text}' is too large: at most {double.MaxValue.ToString("R", CultureInfo.InvariantCulture)} in magnitude."
            : $"Option '{option}': '{text}' is not a number.");
        return null;
    }
}
