using System.Text.Json.Serialization;

namespace SynthCore.Synthesizers.Statistical;

/// <summary>
/// A table as model-file payload: each column's storage type and its cells as invariant keys
/// (the same text <see cref="ColumnValueCodec"/> uses), so loading restores the exact types and
/// values without re-detecting anything from CSV text.
/// </summary>
internal static class StoredTable
{
    private sealed record StoredColumn(string Name, string Storage, string?[] Cells);

    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower, DefaultIgnoreCondition = JsonIgnoreCondition.Never };

    public static byte[] ToBytes(DataFrame table) => JsonSerializer.SerializeToUtf8Bytes(table.Columns.Select(column =>
    {
        var storage = ColumnStorageExtensions.StorageOf(column);
        var codec = ColumnValueCodec.Create(column.Name, storage, ColumnKind.Categorical);
        var cells = new string?[column.Length];
        for (long r = 0; r < column.Length; r++)
            cells[r] = ColumnStorageExtensions.IsMissing(column[r]) ? null : codec.ToKey(column[r]!);
        return new StoredColumn(column.Name, storage.ToJsonName(), cells);
    }).ToArray(), Json);

    public static DataFrame FromBytes(byte[] payload)
    {
        try
        {
            var columns = JsonSerializer.Deserialize<StoredColumn[]>(payload, Json) ?? throw new SynthException("The model file's table is empty.");
            return new DataFrame(columns.Select(c =>
            {
                var storage = ColumnStorageExtensions.ParseStorage(c.Storage);
                var codec = ColumnValueCodec.Create(c.Name, storage, ColumnKind.Categorical);
                return storage.Create(c.Name, c.Cells.Select(k => k is null ? null : codec.FromKey(k)).ToArray());
            }));
        }
        catch (Exception e) when (e is JsonException or FormatException or OverflowException)
        {
            throw new SynthException($"The model file's table is damaged: {e.Message}", e);
        }
    }
}
