namespace FlyteSharp.Catalog;

/// <summary>Why a catalog call failed, in the terms of Flyte's DataCatalog (gRPC status codes).</summary>
public enum CatalogErrorCode
{
    /// <summary>The dataset, artifact, tag or reservation does not exist.</summary>
    NotFound,
    /// <summary>The dataset, artifact or tag already exists.</summary>
    AlreadyExists,
    /// <summary>The request is malformed (missing ids, bad filters).</summary>
    InvalidArgument,
    /// <summary>The catalog could not be reached or timed out; the call may succeed later.</summary>
    Unavailable,
    /// <summary>A reservation is held by another owner, or a precondition failed.</summary>
    FailedPrecondition,
    /// <summary>Anything else: a bug or a corrupt store.</summary>
    Internal,
}

/// <summary>A catalog call failed with a DataCatalog status.</summary>
public sealed class CatalogException : Exception
{
    /// <summary>Creates the exception.</summary>
    public CatalogException(CatalogErrorCode code, string message, Exception? innerException = null)
        : base(message, innerException) => Code = code;

    /// <summary>Creates an <see cref="CatalogErrorCode.Internal"/> exception.</summary>
    public CatalogException()
        : this(CatalogErrorCode.Internal, "catalog error")
    {
    }

    /// <summary>Creates an <see cref="CatalogErrorCode.Internal"/> exception.</summary>
    public CatalogException(string message)
        : this(CatalogErrorCode.Internal, message)
    {
    }

    /// <summary>Creates an <see cref="CatalogErrorCode.Internal"/> exception.</summary>
    public CatalogException(string message, Exception innerException)
        : this(CatalogErrorCode.Internal, message, innerException)
    {
    }

    /// <summary>The DataCatalog status of the failure.</summary>
    public CatalogErrorCode Code { get; }
}
