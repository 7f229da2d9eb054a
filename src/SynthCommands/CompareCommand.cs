using System.Diagnostics;
using SynthCore.Evaluation.Scorecards;

namespace SynthCommands;

/// <summary>
/// <c>synth compare &lt;data&gt; --models a,b,c [--holdout-fraction F] [--target COL] [--json FILE] [fit options]</c>: holds out
/// a share of the rows (seeded by --seed), fits each model on the rest with the same settings, samples as many rows as
/// it was fitted on, and ranks the models (<see cref="ModelRanking"/>) on quality, detection, privacy against the
/// held-out rows, utility (with --target) and time.
/// </summary>
internal sealed class CompareCommand : TableCommand
{
    public CompareCommand() : base("compare", "Fit several models on one table and rank them on quality, detection, privacy, utility and time, against rows held out before fitting.")
    {
        DeclareOnTable(Models, HoldoutFraction, Target, Json, Force);
        Settings.AddTo(this);
    }

    internal Option<string> Models { get; } = new("--models")
    {
        Description = "Comma-separated models to fit and rank (see 'synth models'), e.g. copula,cart,ctgan.",
        Required = true,
    };
    internal Option<double?> HoldoutFraction { get; } = new("--holdout-fraction")
    {
        Description = "Share of the rows held out before fitting, for privacy and utility (default 0.5: equal halves, so a DCR share of 0.5 is private).",
        CustomParser = result => OptionValues.ParseNumber(result, "--holdout-fraction"),
    };
    internal Option<string?> Target { get; } = new("--target") { Description = "A column to predict: utility of each model's rows, tested on the held-out rows." };
    internal Option<string?> Json { get; } = SharedOptions.JsonOption();
    internal Option<bool> Force { get; } = SharedOptions.ForceOption("--json file");
    internal FitSettingsOptions Settings { get; } = new();

    internal override int Execute(ParseResult parse, CommandContext context)
    {
        string data = TableName(parse, context);
        var models = parse.GetValue(Models)!.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (models.Length == 0) throw new SynthOptionException("--models", "name at least one model, e.g. --models copula,cart.");
        if (models.Distinct(StringComparer.Ordinal).Count() != models.Length)
            throw new SynthOptionException("--models", $"names a model twice ({string.Join(",", models)}).");
        foreach (var model in models)
        {
            var descriptor = context.Registry.Get(model);
            if (descriptor.Sequential)
                throw new SynthOptionException("--models", $"'{model}' is a sequence model; compare ranks models of table rows.");
        }
        var settings = FitSettingsReader.Read(parse, Settings);
        double share = parse.GetValue(HoldoutFraction) ?? 0.5;
        string? target = parse.GetValue(Target);
        string? json = parse.GetValue(Json);
        bool force = parse.GetValue(Force);
        if (json is not null) SafeFile.EnsureCanWrite(json, force, "--json", data);

        var (table, metadata) = TableInput.Load(context, data, parse.GetValue(Settings.Categorical));
        if (target is not null) ColumnList.EnsureColumn(target, "--target", metadata);
        var (training, holdout) = HoldoutSplit.Split(table, share, settings.Seed, "--holdout-fraction");
        context.Host.WriteLine($"Held out {holdout.Rows.Count:N0} of {table.Rows.Count:N0} rows (seed {settings.Seed}); each model is fitted on the other {training.Rows.Count:N0}.");

        var cards = new List<Scorecard>();
        foreach (var model in models)
        {
            context.Cancellation.ThrowIfCancellationRequested();
            var fit = FitStep.Run(context, model, settings, training, metadata);
            var clock = Stopwatch.StartNew();
            var synthetic = fit.Model.Sample((int)training.Rows.Count, null, null);
            double sampleSeconds = clock.Elapsed.TotalSeconds;
            context.Cancellation.ThrowIfCancellationRequested();
            var card = Scorecard.Measure(model, fit.Seconds, sampleSeconds, training, holdout, synthetic, metadata, target, settings.Seed, context.Cancellation);
            cards.Add(card);
            context.Host.WriteLine(Messages.Scored(card));
        }
        var ranking = ModelRanking.Rank(data, (int)training.Rows.Count, (int)holdout.Rows.Count, target, settings.Seed, cards);
        context.Host.Show(ranking);
        if (json is not null)
        {
            JsonSummary.Write(json, ComparisonJson.From(ranking), force);
            context.Host.WriteLine($"Wrote {json}");
        }
        return ExitCodes.Success;
    }
}
