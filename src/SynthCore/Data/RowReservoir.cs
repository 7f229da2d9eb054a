namespace SynthCore.Data;

/// <summary>
/// A seeded uniform sample of <see cref="Capacity"/> row indices from a stream of rows of unknown length (Vitter's
/// algorithm R): every row offered is kept with probability capacity / rows-so-far, replacing a uniformly chosen kept
/// row, so after M rows each row is kept with probability N / M whatever M is. Memory is the capacity, not the rows.
/// The draws come from one stream of the seed's <see cref="RandomStreams"/>, so a seed gives the same rows every time.
/// </summary>
public sealed class RowReservoir
{
    private readonly long[] kept;
    private readonly Random random;

    /// <param name="capacity">Rows to keep, at least 1.</param>
    /// <param name="streams">The seeded streams; the reservoir draws from its stream "fit-rows".</param>
    public RowReservoir(int capacity, RandomStreams streams)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        kept = new long[capacity];
        random = streams.Stream("fit-rows");
    }

    /// <summary>Rows to keep.</summary>
    public int Capacity => kept.Length;

    /// <summary>Rows offered so far.</summary>
    public long Offered { get; private set; }

    /// <summary>Offers the next row: row <see cref="Offered"/> (rows are offered in order 0, 1, 2, …).</summary>
    public void Offer()
    {
        long row = Offered;
        if (row < kept.Length) kept[row] = row;
        else
        {
            long slot = random.NextInt64(row + 1);
            if (slot < kept.Length) kept[slot] = row;
        }
        Offered++;
    }

    /// <summary>The kept rows' indices, ascending (all rows offered when fewer than the capacity).</summary>
    public long[] Kept()
    {
        var rows = kept[..(int)Math.Min(Offered, kept.Length)];
        Array.Sort(rows);
        return rows;
    }
}
