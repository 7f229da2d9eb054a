using SynthCore.Transforms;

namespace SynthCore.Synthesizers.Statistical.DpCopula;

/// <summary>
/// One column of the DP copula: its cells (numeric bins between the bounds, or categories; plus a
/// missing cell if the column had missing values) with their noisy probabilities, and how to turn a
/// uniform draw back into a value of the column's type.
/// Not a <see cref="Transforms.TableTransform"/> column: its range must come from the user's public bounds, never from
/// the data (a data range would spend privacy the accountant does not count), and its categories from noisy counts.
/// </summary>
internal sealed class DpCopulaColumn
{
    public const string NumericRole = "numeric", CategoricalRole = "categorical", IdentifierRole = "identifier";

    public required string Name { get; init; }
    public required ColumnKind Kind { get; init; }
    public required string Role { get; init; }
    public ColumnStorage Storage { get; init; }
    public double Lower { get; init; }
    public double Upper { get; init; }
    public int Bins { get; init; }
    public bool HasMissing { get; init; }
    public LabelTransform? Labels { get; init; }
    public IdentifierTransform? Identifiers { get; init; }

    /// <summary>Noisy, non-negative, normalised cell probabilities (set after fitting).</summary>
    public double[] Probabilities { get; set; } = [];

    public bool IsModelled => Role != IdentifierRole;

    /// <summary>Cells: bins (+ missing) for numbers, codes (missing included) for categories.</summary>
    public int CellCount => Role == NumericRole ? Bins + (HasMissing ? 1 : 0) : Labels!.CodeCount;

    private double BinWidth => (Upper - Lower) / Bins;

    /// <summary>Per row: the cell, and an order key for Kendall's tau (the clipped value, or the code; missing last).</summary>
    public (int[] Cells, double[] Order) Read(DataFrameColumn column)
    {
        int rows = (int)column.Length;
        var cells = new int[rows];
        var order = new double[rows];
        if (Role == CategoricalRole)
        {
            var codes = new float[rows];
            Labels!.Transform(column, codes, 1, 0);
            int steps = Math.Max(Labels.CodeCount - 1, 1);
            for (int r = 0; r < rows; r++)
                order[r] = cells[r] = (int)Math.Round(codes[r] * (double)steps);
            return (cells, order);
        }
        var codec = ColumnValueCodec.CreateChecked(column, Kind);
        for (int r = 0; r < rows; r++)
        {
            object? cell = column[r];
            if (ColumnStorageExtensions.IsMissing(cell) || !codec.TryToNumber(cell!, out double x))
            {
                cells[r] = Bins;
                order[r] = double.PositiveInfinity;
                continue;
            }
            x = Math.Clamp(x, Lower, Upper);
            cells[r] = Math.Min((int)Math.Floor((x - Lower) / BinWidth), Bins - 1);
            order[r] = x;
        }
        return (cells, order);
    }

    /// <summary>Values for uniform draws <paramref name="u"/>: the cell by inverse CDF, numbers spread uniformly within their bin.</summary>
    public DataFrameColumn Generate(double[] u)
    {
        int rows = u.Length;
        if (Role == IdentifierRole) return Identifiers!.Reverse(ReadOnlySpan<float>.Empty, rows, 0, 0);
        var cumulative = new double[Probabilities.Length];
        double total = 0;
        for (int c = 0; c < Probabilities.Length; c++) cumulative[c] = total += Probabilities[c];
        if (Role == CategoricalRole)
        {
            var codes = new float[rows];
            int steps = Math.Max(Labels!.CodeCount - 1, 1);
            for (int r = 0; r < rows; r++) codes[r] = (float)Cell(cumulative, u[r]) / steps;
            return Labels.Reverse(codes, rows, 1, 0);
        }
        var codec = ColumnValueCodec.Create(Name, Storage, Kind);
        double lowInt = Math.Ceiling(Lower), highInt = Math.Floor(Upper);
        var values = new object?[rows];
        for (int r = 0; r < rows; r++)
        {
            int c = Cell(cumulative, u[r]);
            if (c == Bins) { values[r] = null; continue; }
            double before = c == 0 ? 0 : cumulative[c - 1];
            double within = Probabilities[c] > 0 ? Math.Clamp((u[r] - before) / Probabilities[c], 0, 1) : 0.5;
            double x = Math.Clamp(Lower + (c + within) * BinWidth, Lower, Upper);
            if (Kind == ColumnKind.Integer)
                x = lowInt <= highInt ? Math.Clamp(Math.Round(x), lowInt, highInt) : Math.Round(x);
            values[r] = codec.FromNumber(x);
        }
        return Storage.Create(Name, values);
    }

    /// <summary>The first cell whose cumulative probability reaches <paramref name="u"/>, skipping empty cells; the last non-empty cell past the end (rounding).</summary>
    private int Cell(double[] cumulative, double u)
    {
        int lo = 0, hi = cumulative.Length - 1;
        while (lo < hi)
        {
            int mid = (lo + hi) / 2;
            if (cumulative[mid] >= u) hi = mid; else lo = mid + 1;
        }
        while (lo < Probabilities.Length - 1 && Probabilities[lo] == 0) lo++;
        while (lo > 0 && Probabilities[lo] == 0) lo--;
        return lo;
    }

    public JsonObject ToJson() => new()
    {
        ["name"] = Name,
        ["kind"] = Kind.ToString(),
        ["role"] = Role,
        ["storage"] = Storage.ToJsonName(),
        ["lower"] = Lower,
        ["upper"] = Upper,
        ["bins"] = Bins,
        ["has_missing"] = HasMissing,
        ["probabilities"] = new JsonArray(Probabilities.Select(p => (JsonNode)p).ToArray()),
        ["transform"] = Labels?.ToJson() ?? Identifiers?.ToJson(),
    };

    public static DpCopulaColumn FromJson(JsonObject json)
    {
        string role = (string?)json["role"] ?? throw new SynthException("A DP copula column has no role.");
        var transform = json["transform"]?.AsObject();
        var column = new DpCopulaColumn
        {
            Name = (string?)json["name"] ?? throw new SynthException("A DP copula column has no name."),
            Kind = Enum.Parse<ColumnKind>((string?)json["kind"] ?? ""),
            Role = role,
            Storage = ColumnStorageExtensions.ParseStorage((string?)json["storage"] ?? ""),
            Lower = (double)json["lower"]!,
            Upper = (double)json["upper"]!,
            Bins = (int)json["bins"]!,
            HasMissing = (bool)json["has_missing"]!,
            Labels = role == CategoricalRole ? LabelTransform.FromJson(transform!) : null,
            Identifiers = role == IdentifierRole ? IdentifierTransform.FromJson(transform!) : null,
            Probabilities = json["probabilities"]!.AsArray().Select(p => (double)p!).ToArray(),
        };
        if (role is not (NumericRole or CategoricalRole or IdentifierRole)) throw new SynthException($"A DP copula column has an unknown role '{role}'.");
        if (column.IsModelled && column.Probabilities.Length != column.CellCount)
            throw new SynthException($"The DP copula column '{column.Name}' has {column.Probabilities.Length} probabilities for {column.CellCount} cells.");
        return column;
    }
}
