using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace SynthCore.Tests.Reliability;

/// <summary>
/// A model file taken apart and put back together with a valid checksum, so tests can hand the loader
/// headers and lengths that only a hand-edited or hostile file would hold.
/// </summary>
internal sealed record ModelFileBytes(byte[] Prefix, JsonObject Header, byte[] Payload)
{
    private const int PrefixBytes = 12; // magic (8) and format version (4)

    public static ModelFileBytes Parse(byte[] file)
    {
        int headerLength = BitConverter.ToInt32(file, PrefixBytes);
        var header = JsonNode.Parse(file.AsSpan(PrefixBytes + 4, headerLength))!.AsObject();
        int payloadAt = PrefixBytes + 4 + headerLength + 8;
        return new ModelFileBytes(file[..PrefixBytes], header, file[payloadAt..^32]);
    }

    /// <summary>The file with the given lengths written in place of the true ones (null: the true length).</summary>
    public byte[] ToBytes(int? headerLength = null, long? payloadLength = null)
    {
        byte[] header = Encoding.UTF8.GetBytes(Header.ToJsonString());
        byte[] body = [.. Prefix, .. BitConverter.GetBytes(headerLength ?? header.Length), .. header,
            .. BitConverter.GetBytes(payloadLength ?? Payload.LongLength), .. Payload];
        return [.. body, .. SHA256.HashData(body)];
    }
}
