using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace FlyteSharp.Caching;

/// <summary>
/// SHA-256 of one objecthash node: a tag byte followed by a body. A cache key is thousands of such tiny
/// digests, so the per-call cost matters more than throughput: through the BCL each call pays ~350 ns of
/// OpenSSL EVP set-up, while OpenSSL's plain <c>SHA256_Init/Update/Final</c> on a stack context costs ~90 ns.
/// On Linux the latter is bound from the libcrypto .NET itself loads, after a self-test against the BCL;
/// elsewhere, or with the <c>FlyteSharp.Caching.DisableNativeSha256</c> AppContext switch (or the
/// <c>FLYTESHARP_DISABLE_NATIVE_SHA256=1</c> environment variable), the BCL is used.
/// Both give the same bytes (SHA-256 is SHA-256); only speed differs.
/// </summary>
internal static unsafe class ObjectHashDigest
{
    /// <summary>The AppContext switch that forces the BCL implementation.</summary>
    public const string DisableNativeSwitch = "FlyteSharp.Caching.DisableNativeSha256";

    /// <summary>The environment variable that forces the BCL implementation when set to <c>1</c> or <c>true</c>.</summary>
    public const string DisableNativeVariable = "FLYTESHARP_DISABLE_NATIVE_SHA256";

    // OpenSSL's SHA256_CTX is 112 bytes on every platform; leave generous room.
    private const int ContextSize = 256;

    // Bodies up to this size are copied behind the tag on the stack and hashed with one update call.
    private const int InlineBodyLimit = 192;

    private static readonly LibCrypto? Native = LibCrypto.TryBind();

    [ThreadStatic]
    private static IncrementalHash? bclHash;

    private static bool nativeAllowed = true;

    /// <summary>
    /// Whether the native libcrypto path is in use. Benchmarks and tests turn it off to measure and check the BCL
    /// path in the same process; it cannot be turned on where the binding is unavailable.
    /// </summary>
    public static bool UsesNativeLibCrypto
    {
        get => nativeAllowed && Native is not null;
        set => nativeAllowed = value;
    }

    /// <summary>Writes SHA-256(<paramref name="tag"/> || <paramref name="body"/>) into <paramref name="destination"/> (32 bytes).</summary>
    public static void Compute(byte tag, ReadOnlySpan<byte> body, Span<byte> destination)
    {
        if (nativeAllowed && Native is { } native)
        {
            native.Compute(tag, body, destination);
        }
        else
        {
            ComputeWithBcl(tag, body, destination);
        }
    }

    /// <summary>The BCL path, always available; tests compare it with the native one.</summary>
    public static void ComputeWithBcl(byte tag, ReadOnlySpan<byte> body, Span<byte> destination)
    {
        var hash = bclHash ??= IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(new ReadOnlySpan<byte>(in tag));
        hash.AppendData(body);
        hash.GetHashAndReset(destination);
    }

    private sealed class LibCrypto
    {
        private readonly delegate* unmanaged[SuppressGCTransition]<byte*, int> init;
        private readonly delegate* unmanaged[SuppressGCTransition]<byte*, byte*, nuint, int> updateShort;
        private readonly delegate* unmanaged<byte*, byte*, nuint, int> updateLong;
        private readonly delegate* unmanaged[SuppressGCTransition]<byte*, byte*, int> final;

        private LibCrypto(nint init, nint update, nint final)
        {
            this.init = (delegate* unmanaged[SuppressGCTransition]<byte*, int>)init;
            updateShort = (delegate* unmanaged[SuppressGCTransition]<byte*, byte*, nuint, int>)update;
            updateLong = (delegate* unmanaged<byte*, byte*, nuint, int>)update;
            this.final = (delegate* unmanaged[SuppressGCTransition]<byte*, byte*, int>)final;
        }

        public static LibCrypto? TryBind()
        {
            var variable = Environment.GetEnvironmentVariable(DisableNativeVariable);
            if (!OperatingSystem.IsLinux()
                || (AppContext.TryGetSwitch(DisableNativeSwitch, out var disabled) && disabled)
                || variable == "1" || string.Equals(variable, "true", StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }

            foreach (var name in new[] { "libcrypto.so.3", "libcrypto.so.1.1" })
            {
                if (!NativeLibrary.TryLoad(name, out var library))
                {
                    continue;
                }

                if (NativeLibrary.TryGetExport(library, "SHA256_Init", out var init)
                    && NativeLibrary.TryGetExport(library, "SHA256_Update", out var update)
                    && NativeLibrary.TryGetExport(library, "SHA256_Final", out var final))
                {
                    var candidate = new LibCrypto(init, update, final);
                    if (candidate.PassesSelfTest())
                    {
                        return candidate;
                    }
                }

                // The handle stays loaded: .NET's own crypto shim holds the same library anyway.
            }

            return null;
        }

        public void Compute(byte tag, ReadOnlySpan<byte> body, Span<byte> destination)
        {
            if (destination.Length < 32)
            {
                throw new ArgumentException("A SHA-256 destination needs 32 bytes.", nameof(destination));
            }

            var context = stackalloc byte[ContextSize];
            fixed (byte* output = destination)
            {
                Check(init(context));
                if (body.Length <= InlineBodyLimit)
                {
                    var input = stackalloc byte[InlineBodyLimit + 1];
                    input[0] = tag;
                    body.CopyTo(new Span<byte>(input + 1, InlineBodyLimit));
                    Check(updateShort(context, input, (nuint)(body.Length + 1)));
                }
                else
                {
                    Check(updateShort(context, &tag, 1));
                    fixed (byte* bytes = body)
                    {
                        // Long updates may run for milliseconds: let the GC in while they do.
                        Check(body.Length <= 4096 ? updateShort(context, bytes, (nuint)body.Length) : updateLong(context, bytes, (nuint)body.Length));
                    }
                }

                Check(final(output, context));
            }
        }

        private bool PassesSelfTest()
        {
            Span<byte> expected = stackalloc byte[32];
            Span<byte> actual = stackalloc byte[32];
            var sample = new byte[100_003];
            for (var i = 0; i < sample.Length; i++)
            {
                sample[i] = (byte)((i * 131) + (i >> 8));
            }

            foreach (var length in new[] { 0, 1, 54, 55, 56, 63, 64, 65, 191, 192, 193, 1000, sample.Length })
            {
                var body = sample.AsSpan(0, length);
                ComputeWithBcl((byte)'d', body, expected);
                try
                {
                    Compute((byte)'d', body, actual);
                }
                catch (InvalidOperationException)
                {
                    return false;
                }

                if (!expected.SequenceEqual(actual))
                {
                    return false;
                }
            }

            return true;
        }

        private static void Check(int result)
        {
            if (result != 1)
            {
                throw new InvalidOperationException("libcrypto's SHA-256 reported a failure.");
            }
        }
    }
}
