using System.Collections;
using System.Text.Json;

namespace SynthReports.Charts;

/// <summary>
/// Writes a <see cref="Figure"/> as plotly.js JSON. Missing and non-finite numbers become null (a gap in
/// plotly.js), dates plotly.js's <c>yyyy-MM-dd HH:mm:ss</c> strings. The writer's default escaping turns
/// <c>&lt;</c>, <c>&gt;</c> and <c>&amp;</c> into \u escapes, so the JSON is safe inside a &lt;script&gt; element.
/// </summary>
public static class FigureJson
{
    public static string Write(Figure figure)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WritePropertyName("data");
            writer.WriteStartArray();
            foreach (var trace in figure.Traces) WriteObject(writer, trace);
            writer.WriteEndArray();
            writer.WritePropertyName("layout");
            WriteObject(writer, figure.Layout);
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteObject(Utf8JsonWriter writer, PlotlyObject value)
    {
        writer.WriteStartObject();
        foreach (var (name, attribute) in value.Attributes)
        {
            writer.WritePropertyName(name);
            WriteValue(writer, attribute);
        }
        writer.WriteEndObject();
    }

    private static void WriteValue(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case string text:
                writer.WriteStringValue(text);
                break;
            case bool flag:
                writer.WriteBooleanValue(flag);
                break;
            case double number:
                WriteNumber(writer, number);
                break;
            case float number when float.IsFinite(number):
                writer.WriteNumberValue(number);
                break;
            case float:
                writer.WriteNullValue();
                break;
            case int or long or short or byte or sbyte or ushort or uint:
                writer.WriteNumberValue(Convert.ToInt64(value, CultureInfo.InvariantCulture));
                break;
            case ulong or decimal:
                writer.WriteNumberValue(Convert.ToDecimal(value, CultureInfo.InvariantCulture));
                break;
            case DateTime date:
                writer.WriteStringValue(Date(date));
                break;
            case DateTimeOffset date:
                writer.WriteStringValue(Date(date.UtcDateTime));
                break;
            case PlotlyObject nested:
                WriteObject(writer, nested);
                break;
            case IDictionary dictionary:
                writer.WriteStartObject();
                foreach (DictionaryEntry entry in dictionary)
                {
                    writer.WritePropertyName(Convert.ToString(entry.Key, CultureInfo.InvariantCulture)!);
                    WriteValue(writer, entry.Value);
                }
                writer.WriteEndObject();
                break;
            case IEnumerable items:
                writer.WriteStartArray();
                foreach (var item in items) WriteValue(writer, item);
                writer.WriteEndArray();
                break;
            default:
                throw new ArgumentException($"A chart attribute cannot hold a {value.GetType().Name}; use numbers, strings, booleans, dates, arrays or dictionaries.");
        }
    }

    private static void WriteNumber(Utf8JsonWriter writer, double number)
    {
        if (double.IsFinite(number)) writer.WriteNumberValue(number);
        else writer.WriteNullValue();
    }

    /// <summary>plotly.js's date string; the fraction of a second only when there is one.</summary>
    private static string Date(DateTime date) => date.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture).TrimEnd('.');
}
