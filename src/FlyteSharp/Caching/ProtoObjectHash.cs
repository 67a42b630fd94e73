// Mirrors flytestdlib pbhash.ComputeHash (Flyte v1.16.8): objecthash CommonJSONHash of golang/protobuf jsonpb's
// rendering of the message. The JSON text is never built: the jsonpb value is hashed as it is walked.
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Google.Protobuf.WellKnownTypes;

namespace FlyteSharp.Caching;

/// <summary>
/// The hash Flyte's <c>pbhash.ComputeHash</c> gives any protobuf message, computed from its descriptor. Use it for
/// any message; <see cref="CacheTag"/> has a faster path for literal maps that agrees with it.
/// </summary>
public sealed class ProtoObjectHash
{
    [ThreadStatic]
    private static Worker? cachedWorker;

    private readonly TypeRegistry typeRegistry;

    /// <summary>Creates a hasher that resolves <c>google.protobuf.Any</c> payloads through <paramref name="typeRegistry"/>.</summary>
    public ProtoObjectHash(TypeRegistry typeRegistry)
    {
        ArgumentNullException.ThrowIfNull(typeRegistry);
        this.typeRegistry = typeRegistry;
    }

    /// <summary>A hasher that knows the Flyte IDL (core and datacatalog) and the protobuf well-known types.</summary>
    public static ProtoObjectHash Default { get; } = new(FlyteTypeRegistry.Instance);

    /// <summary>The 32-byte hash of <paramref name="message"/>.</summary>
    /// <exception cref="CacheKeyException">Flyte's jsonpb would refuse to render the message.</exception>
    public byte[] Compute(IMessage message)
    {
        var hash = new byte[Hashing.ObjectHash.Size];
        Compute(message, hash);
        return hash;
    }

    /// <summary>Writes the 32-byte hash of <paramref name="message"/> into <paramref name="destination"/>.</summary>
    /// <exception cref="CacheKeyException">Flyte's jsonpb would refuse to render the message.</exception>
    public void Compute(IMessage message, Span<byte> destination)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (destination.Length < Hashing.ObjectHash.Size)
        {
            throw new ArgumentException("The destination needs 32 bytes.", nameof(destination));
        }

        var worker = cachedWorker is { } cached && ReferenceEquals(cached.TypeRegistry, typeRegistry)
            ? cached
            : cachedWorker = new Worker(typeRegistry);

        // The worker is taken for the duration of the call, so a re-entrant call (none exists today) gets its own.
        cachedWorker = null;
        try
        {
            worker.Traversal.Write(message, worker.Sink);
            worker.Sink.TakeResult(destination);
        }
        finally
        {
            worker.Sink.Reset();
            cachedWorker = worker;
        }
    }

    /// <summary>The JSON text Go's jsonpb writes for <paramref name="message"/>: what Flyte hashes, for explaining keys.</summary>
    /// <exception cref="CacheKeyException">Flyte's jsonpb would refuse to render the message.</exception>
    public string RenderJson(IMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var sink = new JsonTextSink();
        new JsonpbTraversal(typeRegistry).Write(message, sink);
        return sink.ToString();
    }

    private sealed class Worker(TypeRegistry typeRegistry)
    {
        public TypeRegistry TypeRegistry { get; } = typeRegistry;

        public JsonpbTraversal Traversal { get; } = new(typeRegistry);

        public ObjectHashSink Sink { get; } = new();
    }
}

/// <summary>The message types an <c>Any</c> inside a Flyte message can name: the Flyte IDL and the well-known types.</summary>
internal static class FlyteTypeRegistry
{
    public static TypeRegistry Instance { get; } = TypeRegistry.FromFiles(
        Flyteidl.Core.ArtifactIdReflection.Descriptor,
        Flyteidl.Core.CatalogReflection.Descriptor,
        Flyteidl.Core.CompilerReflection.Descriptor,
        Flyteidl.Core.ConditionReflection.Descriptor,
        Flyteidl.Core.DynamicJobReflection.Descriptor,
        Flyteidl.Core.ErrorsReflection.Descriptor,
        Flyteidl.Core.ExecutionReflection.Descriptor,
        Flyteidl.Core.ExecutionEnvsReflection.Descriptor,
        Flyteidl.Core.IdentifierReflection.Descriptor,
        Flyteidl.Core.InterfaceReflection.Descriptor,
        Flyteidl.Core.LiteralsReflection.Descriptor,
        Flyteidl.Core.MetricsReflection.Descriptor,
        Flyteidl.Core.SecurityReflection.Descriptor,
        Flyteidl.Core.TasksReflection.Descriptor,
        Flyteidl.Core.TypesReflection.Descriptor,
        Flyteidl.Core.WorkflowReflection.Descriptor,
        Flyteidl.Core.WorkflowClosureReflection.Descriptor,
        Datacatalog.DatacatalogReflection.Descriptor,
        AnyReflection.Descriptor,
        DurationReflection.Descriptor,
        EmptyReflection.Descriptor,
        FieldMaskReflection.Descriptor,
        StructReflection.Descriptor,
        TimestampReflection.Descriptor,
        WrappersReflection.Descriptor);
}
