using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace FlyteSharp.Cli.Output;

/// <summary>One compact JSON document on one line, for <c>--json</c> output that scripts read line by line.</summary>
internal static class JsonLine
{
    // Names and values are shown as they are, not as \uXXXX escapes; the output is never embedded in HTML.
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Write(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, Options))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}
