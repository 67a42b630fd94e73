using System.Buffers;
using System.CommandLine;
using System.Runtime.CompilerServices;
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

/// <summary>One line of pb-base64 input: its message, or why it has none.</summary>
internal readonly record struct MessageLine<T>(int Number, T? Message, string? Error)
    where T : class;

/// <summary>Reads protobuf messages from a file or standard input in the formats the CLI accepts.</summary>
internal static class MessageInput
{
    private const int LineReaderBufferSize = 64 * 1024;

    private static readonly JsonParser Json = new(JsonParser.Settings.Default.WithIgnoreUnknownFields(false));

    /// <summary>The <c>--format</c> option every command that reads messages shares; read it with <see cref="GetFormat"/>.</summary>
    public static Option<string> CreateFormatOption()
    {
        var option = new Option<string>("--format")
        {
            Description = "How the input is encoded: json (one proto3-JSON message), pb (one binary message), pb-base64 (one base64 binary message per line, one output line each)",
            HelpName = "json|pb|pb-base64",
            DefaultValueFactory = _ => "json",
        };
        option.Validators.Add(result =>
        {
            var text = result.GetValueOrDefault<string>();
            if (!TryParseFormat(text, out _))
            {
                result.AddError($"unknown --format '{text}'; use json, pb or pb-base64");
            }
        });
        return option;
    }

    public static MessageFormat GetFormat(ParseResult parse, Option<string> option)
    {
        ArgumentNullException.ThrowIfNull(parse);
        return TryParseFormat(parse.GetRequiredValue(option), out var format)
            ? format
            : throw new CliUsageException("unknown --format; use json, pb or pb-base64");
    }

    /// <summary>The optional FILE argument (<c>-</c> or nothing: standard input).</summary>
    public static Argument<string?> CreateFileArgument(string description)
    {
        var argument = new Argument<string?>("FILE")
        {
            Description = description + "; - or nothing reads standard input",
            Arity = ArgumentArity.ZeroOrOne,
        };

        // The parser hands an unknown option to a free argument slot; say what it is instead of "no such file".
        argument.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<string?>();
            if (value is { Length: > 1 } && value[0] == '-')
            {
                result.AddError($"unknown option '{value}'");
            }
        });
        return argument;
    }

    public static bool TryParseFormat(string text, out MessageFormat format)
    {
        switch (text)
        {
            case "json":
                format = MessageFormat.Json;
                return true;
            case "pb":
                format = MessageFormat.Pb;
                return true;
            case "pb-base64":
                format = MessageFormat.PbBase64;
                return true;
            default:
                format = default;
                return false;
        }
    }

    public static bool IsStandardInput(string? path) => string.IsNullOrEmpty(path) || path == "-";

    public static string Describe(string? path) => IsStandardInput(path) ? "standard input" : $"'{path}'";

    /// <summary>Opens FILE, or standard input for <c>-</c> or no file.</summary>
    /// <exception cref="CliUsageException">The file cannot be opened.</exception>
    public static Stream Open(string? path, CliConsole console)
    {
        if (IsStandardInput(path))
        {
            return console.Input;
        }

        try
        {
            return new FileStream(path!, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 4096, useAsync: true);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new CliUsageException($"cannot read '{path}': no such file");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliUsageException($"cannot read '{path}': {e.Message}");
        }
    }

    /// <summary>Reads all of FILE (or standard input) as UTF-8 text.</summary>
    public static async Task<string> ReadTextAsync(string? path, CliConsole console, CancellationToken cancellationToken)
    {
        var stream = Open(path, console);
        await using (stream.ConfigureAwait(false))
        {
            using var reader = new StreamReader(stream, Encoding.UTF8);
            return await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Reads exactly one message (json or pb).</summary>
    public static async Task<T> ReadOneAsync<T>(string? path, MessageFormat format, CliConsole console, MessageParser<T> parser, CancellationToken cancellationToken)
        where T : IMessage<T>, new()
    {
        switch (format)
        {
            case MessageFormat.Json:
                return ParseJson<T>(await ReadTextAsync(path, console, cancellationToken).ConfigureAwait(false), Describe(path));
            case MessageFormat.Pb:
                var stream = Open(path, console);
                await using (stream.ConfigureAwait(false))
                {
                    using var buffer = new MemoryStream();
                    await stream.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
                    return ParseBinary(parser, buffer.GetBuffer().AsSpan(0, (int)buffer.Length), Describe(path));
                }

            default:
                throw new InvalidOperationException("pb-base64 input is read line by line");
        }
    }

    /// <summary>Parses proto3 JSON with a message that names the input and the problem.</summary>
    public static T ParseJson<T>(string json, string source)
        where T : IMessage<T>, new()
    {
        try
        {
            return Json.Parse<T>(json);
        }
        catch (Exception e) when (e is InvalidJsonException or InvalidProtocolBufferException or FormatException)
        {
            throw new CliUsageException($"{source} is not valid proto3 JSON for {new T().Descriptor.FullName}: {e.Message}");
        }
    }

    /// <summary>Parses a binary message with a message that names the input and the problem.</summary>
    public static T ParseBinary<T>(MessageParser<T> parser, ReadOnlySpan<byte> bytes, string source)
        where T : IMessage<T>
    {
        try
        {
            return parser.ParseFrom(bytes);
        }
        catch (InvalidProtocolBufferException e)
        {
            throw new CliUsageException($"{source} is not a binary {parser.ParseFrom(ReadOnlySpan<byte>.Empty).Descriptor.FullName}: {e.Message}");
        }
    }

    /// <summary>
    /// Streams pb-base64 input: one entry per line, in order, never holding more than one line. A line that is not
    /// base64 or not a binary message becomes an entry with an error, so the caller can answer every line.
    /// </summary>
    public static async IAsyncEnumerable<MessageLine<T>> ReadBase64LinesAsync<T>(
        string? path, CliConsole console, MessageParser<T> parser, [EnumeratorCancellation] CancellationToken cancellationToken)
        where T : class, IMessage<T>
    {
        var stream = Open(path, console);
        await using (stream.ConfigureAwait(false))
        {
            using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: false, LineReaderBufferSize);
            var buffer = ArrayPool<byte>.Shared.Rent(1024);
            try
            {
                var number = 0;
                while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
                {
                    number++;
                    var text = line.AsSpan().Trim();

                    // Base64 never decodes to more than 3 bytes per 4 characters, so a false result means "not base64".
                    var needed = (text.Length / 4 * 3) + 3;
                    if (buffer.Length < needed)
                    {
                        ArrayPool<byte>.Shared.Return(buffer);
                        buffer = ArrayPool<byte>.Shared.Rent(needed);
                    }

                    if (!Convert.TryFromBase64Chars(text, buffer, out var length))
                    {
                        yield return new MessageLine<T>(number, null, $"line {number}: not base64");
                        continue;
                    }

                    T? message = null;
                    string? error = null;
                    try
                    {
                        message = parser.ParseFrom(buffer.AsSpan(0, length));
                    }
                    catch (InvalidProtocolBufferException e)
                    {
                        error = $"line {number}: not a binary {parser.ParseFrom(ReadOnlySpan<byte>.Empty).Descriptor.FullName}: {e.Message}";
                    }

                    yield return new MessageLine<T>(number, message, error);
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
    }
}
