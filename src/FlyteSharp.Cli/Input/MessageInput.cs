using System.Text;
using Google.Protobuf;

namespace FlyteSharp.Cli.Input;

/// <summary>How a command's input messages are encoded.</summary>
internal enum MessageFormat
{
    /// <summary>One proto3-JSON message.</summary>
    Json,

    /// <summary>One binary protobuf message.</summary>
    Pb,

    /// <summary>One base64 binary message per line; one result line per input line.</summary>
    PbBase64,
}

/// <summary>Reads protobuf messages from a file or standard input in the formats the CLI accepts.</summary>
internal static class MessageInput
{
    private static readonly JsonParser Json = new(JsonParser.Settings.Default.WithIgnoreUnknownFields(false));

    public static MessageFormat ParseFormat(string value) => value switch
    {
        "json" => MessageFormat.Json,
        "pb" => MessageFormat.Pb,
        "pb-base64" => MessageFormat.PbBase64,
        _ => throw new CliUsageException($"unknown --format '{value}'; use json, pb or pb-base64"),
    };

    /// <summary>Opens FILE, or standard input for <c>-</c> or no file.</summary>
    public static Stream Open(string? path, CliConsole console)
    {
        if (string.IsNullOrEmpty(path) || path == "-")
        {
            return console.In == Console.In
                ? Console.OpenStandardInput()
                : new MemoryStream(Encoding.UTF8.GetBytes(console.In.ReadToEnd()));
        }

        if (!File.Exists(path))
        {
            throw new CliUsageException($"cannot read '{path}': no such file");
        }

        return File.OpenRead(path);
    }

    /// <summary>Reads exactly one message (json or pb).</summary>
    public static T ReadOne<T>(string? path, MessageFormat format, CliConsole console, MessageParser<T> parser)
        where T : IMessage<T>, new()
    {
        using var stream = Open(path, console);
        return format switch
        {
            MessageFormat.Json => ParseJson<T>(new StreamReader(stream, Encoding.UTF8).ReadToEnd(), Describe(path)),
            MessageFormat.Pb => ParseBinary(parser, ReadAll(stream), Describe(path)),
            _ => throw new InvalidOperationException("pb-base64 input is read line by line"),
        };
    }

    /// <summary>Parses proto3 JSON with a message that names the input and the problem.</summary>
    public static T ParseJson<T>(string json, string source)
        where T : IMessage<T>, new()
    {
        try
        {
            return Json.Parse<T>(json);
        }
        catch (InvalidJsonException e)
        {
            throw new CliUsageException($"{source} is not valid proto3 JSON for {new T().Descriptor.FullName}: {e.Message}");
        }
        catch (InvalidProtocolBufferException e)
        {
            throw new CliUsageException($"{source} is not valid proto3 JSON for {new T().Descriptor.FullName}: {e.Message}");
        }
    }

    /// <summary>Parses a binary message with a message that names the input and the problem.</summary>
    public static T ParseBinary<T>(MessageParser<T> parser, byte[] bytes, string source)
        where T : IMessage<T>
    {
        try
        {
            return parser.ParseFrom(bytes);
        }
        catch (InvalidProtocolBufferException e)
        {
            throw new CliUsageException($"{source} is not a binary {parser.ParseFrom([]).Descriptor.FullName}: {e.Message}");
        }
    }

    /// <summary>Parses one line of pb-base64 input.</summary>
    public static T ParseBase64Line<T>(MessageParser<T> parser, string line, int lineNumber)
        where T : IMessage<T>
    {
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(line.Trim());
        }
        catch (FormatException)
        {
            throw new CliUsageException($"line {lineNumber}: not base64");
        }

        return ParseBinary(parser, bytes, $"line {lineNumber}");
    }

    public static string Describe(string? path) => string.IsNullOrEmpty(path) || path == "-" ? "standard input" : $"'{path}'";

    private static byte[] ReadAll(Stream stream)
    {
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }
}
