// Mirrors flytepropeller pkg/compiler/validators/typing.go (v1.16.8): AreTypesCastable and its type checkers.
// Deliberate differences, explained in docs/typing.md: blob formats compare case-insensitively and a SINGLE blob
// never casts to a MULTIPART one or back; STRUCT -> STRUCT is castable without comparing JSON schemas (the model
// does not carry type metadata); and a rejection comes with a reason that names the path and both types.
using System;
using System.Collections.Generic;

namespace FlyteSharp.Typing;

/// <summary>
/// Decides whether a value of one Flyte type (upstream: produced, cached) can be used where another is expected
/// (downstream), with Flyte's rules and the lenient Blob rule. Shared by the generator (compile-time diagnostics)
/// and the runtime (validation of cached outputs).
/// </summary>
/// <remarks>
/// Reason paths start at the root the caller passes (e.g. <c>outputs.o0</c>) and follow the downstream type:
/// <c>[]</c> is a collection element, <c>{}</c> a map value, <c>|i</c> the i-th variant of a union, and
/// <c>.columns[name]</c> a column of a structured dataset or schema.
/// </remarks>
public static class Castability
{
    private const string ElementSegment = "[]";
    private const string MapValueSegment = "{}";
    private const string ParquetFormat = "parquet";

    /// <summary>
    /// Checks whether <paramref name="upstream"/> is castable to <paramref name="downstream"/>; a rejection's reason
    /// starts with <paramref name="path"/> extended to the point where the types disagree.
    /// </summary>
    public static CastResult Check(FlyteType upstream, FlyteType downstream, string path)
    {
        _ = upstream ?? throw new ArgumentNullException(nameof(upstream));
        _ = downstream ?? throw new ArgumentNullException(nameof(downstream));
        _ = path ?? throw new ArgumentNullException(nameof(path));

        // The common case is castable: check without building any text, explain only on failure.
        if (AreCastable(upstream, downstream, path, Explain.No, out _))
        {
            return CastResult.Castable;
        }

        AreCastable(upstream, downstream, path, Explain.Yes, out var reason);
        return CastResult.NotCastable(reason ?? path + ": " + upstream + " is not castable to " + downstream);
    }

    /// <summary>Whether <paramref name="upstream"/> is castable to <paramref name="downstream"/> (no reason built).</summary>
    public static bool IsCastable(FlyteType upstream, FlyteType downstream)
    {
        _ = upstream ?? throw new ArgumentNullException(nameof(upstream));
        _ = downstream ?? throw new ArgumentNullException(nameof(downstream));
        return AreCastable(upstream, downstream, string.Empty, Explain.No, out _);
    }

    private enum Explain
    {
        No,
        Yes,
    }

    // AreTypesCastable: a single-variant upstream union may stand for its variant. Like upstream, only here (the
    // root and union variants), not inside collections, maps or columns, which call CastsFrom directly.
    private static bool AreCastable(FlyteType upstream, FlyteType downstream, string path, Explain explain, out string? reason)
    {
        if (upstream is UnionType { Variants.Count: 1 } single)
        {
            if (CastsFrom(downstream, single.Variants[0], path, explain, out var unwrappedReason))
            {
                reason = null;
                return true;
            }

            if (CastsFrom(downstream, upstream, path, explain, out reason))
            {
                return true;
            }

            // Against a non-union the unwrapped attempt is the one that says what is wrong.
            if (downstream is not UnionType)
            {
                reason = unwrappedReason;
            }

            return false;
        }

        return CastsFrom(downstream, upstream, path, explain, out reason);
    }

    // getTypeChecker(downstream).CastsFrom(upstream).
    private static bool CastsFrom(FlyteType downstream, FlyteType upstream, string path, Explain explain, out string? reason) =>
        downstream switch
        {
            CollectionType collection => CollectionCastsFrom(collection, upstream, path, explain, out reason),
            MapType map => MapCastsFrom(map, upstream, path, explain, out reason),
            BlobType blob => BlobCastsFrom(blob, upstream, path, explain, out reason),
            SchemaType schema => SchemaCastsFrom(schema, upstream, path, explain, out reason),
            UnionType union => UnionCastsFrom(union, upstream, path, explain, out reason),
            StructuredDatasetType dataset => StructuredDatasetCastsFrom(dataset, upstream, path, explain, out reason),
            // NONE accepts only NONE; a non-optional type is not nullable.
            SimpleType { Kind: SimpleKind.None } => IsNone(upstream)
                ? Accept(out reason)
                : Reject(path, upstream, downstream, null, explain, out reason),
            _ => TrivialCastsFrom(downstream, upstream, path, explain, out reason),
        };

    private static bool TrivialCastsFrom(FlyteType downstream, FlyteType upstream, string path, Explain explain, out string? reason)
    {
        // Enums are constrained strings: an enum reads as a string and a string may be read as an enum (a value
        // outside the enum fails later, when it is decoded).
        if ((upstream is EnumType && downstream is SimpleType { Kind: SimpleKind.String })
            || (downstream is EnumType && upstream is SimpleType { Kind: SimpleKind.String }))
        {
            return Accept(out reason);
        }

        var same = SameIgnoringStructure(upstream, downstream);
        var upstreamTag = upstream.StructureTag ?? string.Empty;
        var downstreamTag = downstream.StructureTag ?? string.Empty;
        if (upstreamTag.Length != 0 && !string.Equals(upstreamTag, downstreamTag, StringComparison.Ordinal))
        {
            return Reject(path, upstream, downstream, same ? "structure tags differ" : null, explain, out reason);
        }

        return same
            ? Accept(out reason)
            : Reject(path, upstream, downstream, null, explain, out reason);
    }

    // The trivial checker compares the types with structure, metadata and annotation cleared. Only simple and enum
    // types reach it (every other downstream kind has its own checker). STRUCT equals STRUCT: upstream then compares
    // the JSON schemas in the metadata, and accepts when either side has none, which is always the case here.
    private static bool SameIgnoringStructure(FlyteType upstream, FlyteType downstream) =>
        (upstream, downstream) switch
        {
            (SimpleType up, SimpleType down) => up.Kind == down.Kind,
            (EnumType up, EnumType down) => up.Values == down.Values,
            _ => false,
        };

    private static bool CollectionCastsFrom(CollectionType downstream, FlyteType upstream, string path, Explain explain, out string? reason)
    {
        if (upstream is not CollectionType collection)
        {
            return Reject(path, upstream, downstream, null, explain, out reason);
        }

        // An empty collection's inferred element type is NONE; it fits a collection of anything.
        if (IsNone(collection.ElementType))
        {
            return Accept(out reason);
        }

        return CastsFrom(downstream.ElementType, collection.ElementType, Child(path, ElementSegment, explain), explain, out reason);
    }

    private static bool MapCastsFrom(MapType downstream, FlyteType upstream, string path, Explain explain, out string? reason)
    {
        if (upstream is not MapType map)
        {
            return Reject(path, upstream, downstream, null, explain, out reason);
        }

        if (IsNone(map.ValueType))
        {
            return Accept(out reason);
        }

        return CastsFrom(downstream.ValueType, map.ValueType, Child(path, MapValueSegment, explain), explain, out reason);
    }

    // The lenient Blob rule (flyte#5553): "" on either side matches any format; two formats must agree, here
    // case-insensitively (upstream compares them exactly). Unlike upstream, a file and a directory never stand for
    // each other, whatever their formats.
    private static bool BlobCastsFrom(BlobType downstream, FlyteType upstream, string path, Explain explain, out string? reason)
    {
        if (upstream is not BlobType blob)
        {
            return Reject(path, upstream, downstream, null, explain, out reason);
        }

        if (blob.Dimensionality != downstream.Dimensionality)
        {
            return Reject(path, upstream, downstream, "a SINGLE blob (file) and a MULTIPART blob (directory) are never castable", explain, out reason);
        }

        if (blob.Format.Length == 0 || downstream.Format.Length == 0
            || string.Equals(blob.Format, downstream.Format, StringComparison.OrdinalIgnoreCase))
        {
            return Accept(out reason);
        }

        return Reject(path, upstream, downstream, null, explain, out reason);
    }

    private static bool SchemaCastsFrom(SchemaType downstream, FlyteType upstream, string path, Explain explain, out string? reason)
    {
        switch (upstream)
        {
            case SchemaType schema:
                return SchemaFromSchema(schema, downstream, path, explain, out reason);
            case StructuredDatasetType dataset:
                // A Flyte schema can only be stored as parquet.
                if (dataset.Format.Length != 0 && !string.Equals(dataset.Format, ParquetFormat, StringComparison.OrdinalIgnoreCase))
                {
                    return Reject(path, upstream, downstream, "a schema can only be read from parquet", explain, out reason);
                }

                return SchemaFromStructuredDataset(dataset, downstream, path, explain, out reason);
            default:
                return Reject(path, upstream, downstream, null, explain, out reason);
        }
    }

    private static bool StructuredDatasetCastsFrom(StructuredDatasetType downstream, FlyteType upstream, string path, Explain explain, out string? reason)
    {
        switch (upstream)
        {
            // Structured datasets are nullable, unlike blobs and schemas.
            case SimpleType { Kind: SimpleKind.None }:
                return Accept(out reason);
            case SchemaType schema:
                if (downstream.Format.Length != 0 && !string.Equals(downstream.Format, ParquetFormat, StringComparison.OrdinalIgnoreCase))
                {
                    return Reject(path, upstream, downstream, "a schema can only be read as parquet", explain, out reason);
                }

                return StructuredDatasetFromSchema(schema, downstream, path, explain, out reason);
            case StructuredDatasetType dataset:
                return StructuredDatasetFromStructuredDataset(dataset, downstream, path, explain, out reason);
            default:
                return Reject(path, upstream, downstream, null, explain, out reason);
        }
    }

    // Every downstream column must exist upstream with a matching type; no columns on either side means generic.
    private static bool SchemaFromSchema(SchemaType upstream, SchemaType downstream, string path, Explain explain, out string? reason)
    {
        if (upstream.Columns.Count == 0 || downstream.Columns.Count == 0)
        {
            return Accept(out reason);
        }

        var upstreamColumns = new Dictionary<string, SchemaColumnKind>(StringComparer.Ordinal);
        foreach (var column in upstream.Columns)
        {
            upstreamColumns[column.Name] = column.Kind;
        }

        foreach (var column in downstream.Columns)
        {
            if (!upstreamColumns.TryGetValue(column.Name, out var kind))
            {
                return Reject(path, upstream, downstream, MissingColumn(column.Name, explain), explain, out reason);
            }

            if (kind != column.Kind)
            {
                return RejectColumn(path, column.Name, Render(kind), Render(column.Kind), explain, out reason);
            }
        }

        return Accept(out reason);
    }

    private static bool SchemaFromStructuredDataset(StructuredDatasetType upstream, SchemaType downstream, string path, Explain explain, out string? reason)
    {
        if (upstream.Columns.Count == 0 || downstream.Columns.Count == 0)
        {
            return Accept(out reason);
        }

        var upstreamColumns = new Dictionary<string, FlyteType>(StringComparer.Ordinal);
        foreach (var column in upstream.Columns)
        {
            upstreamColumns[column.Name] = column.Type;
        }

        foreach (var column in downstream.Columns)
        {
            if (!upstreamColumns.TryGetValue(column.Name, out var type))
            {
                return Reject(path, upstream, downstream, MissingColumn(column.Name, explain), explain, out reason);
            }

            if (!SchemaColumnMatches(column.Kind, type))
            {
                return RejectColumn(path, column.Name, type.ToString(), Render(column.Kind), explain, out reason);
            }
        }

        return Accept(out reason);
    }

    private static bool StructuredDatasetFromSchema(SchemaType upstream, StructuredDatasetType downstream, string path, Explain explain, out string? reason)
    {
        if (upstream.Columns.Count == 0 || downstream.Columns.Count == 0)
        {
            return Accept(out reason);
        }

        var upstreamColumns = new Dictionary<string, SchemaColumnKind>(StringComparer.Ordinal);
        foreach (var column in upstream.Columns)
        {
            upstreamColumns[column.Name] = column.Kind;
        }

        foreach (var column in downstream.Columns)
        {
            if (!upstreamColumns.TryGetValue(column.Name, out var kind))
            {
                return Reject(path, upstream, downstream, MissingColumn(column.Name, explain), explain, out reason);
            }

            if (!SchemaColumnMatches(kind, column.Type))
            {
                return RejectColumn(path, column.Name, Render(kind), column.Type.ToString(), explain, out reason);
            }
        }

        return Accept(out reason);
    }

    private static bool StructuredDatasetFromStructuredDataset(StructuredDatasetType upstream, StructuredDatasetType downstream, string path, Explain explain, out string? reason)
    {
        // An empty format matches any format (flyte#2864); otherwise formats agree case-insensitively.
        if (upstream.Format.Length != 0 && downstream.Format.Length != 0
            && !string.Equals(upstream.Format, downstream.Format, StringComparison.OrdinalIgnoreCase))
        {
            return Reject(path, upstream, downstream, null, explain, out reason);
        }

        if (upstream.Columns.Count == 0 || downstream.Columns.Count == 0)
        {
            return Accept(out reason);
        }

        var upstreamColumns = new Dictionary<string, FlyteType>(StringComparer.Ordinal);
        foreach (var column in upstream.Columns)
        {
            upstreamColumns[column.Name] = column.Type;
        }

        foreach (var column in downstream.Columns)
        {
            if (!upstreamColumns.TryGetValue(column.Name, out var type))
            {
                return Reject(path, upstream, downstream, MissingColumn(column.Name, explain), explain, out reason);
            }

            if (!CastsFrom(column.Type, type, Child(path, ColumnSegment(column.Name, explain), explain), explain, out reason))
            {
                return false;
            }
        }

        return Accept(out reason);
    }

    private static bool UnionCastsFrom(UnionType downstream, FlyteType upstream, string path, Explain explain, out string? reason)
    {
        if (upstream is UnionType union)
        {
            // Union to union: every upstream variant needs some downstream variant it casts to.
            for (var i = 0; i < union.Variants.Count; i++)
            {
                if (FindVariant(union.Variants[i], downstream) < 0)
                {
                    var detail = explain == Explain.Yes
                        ? "its variant " + union.Variants[i] + " matches no variant" + VariantReasons(union.Variants[i], downstream, path)
                        : null;
                    return Reject(path, upstream, downstream, detail, explain, out reason);
                }
            }

            return Accept(out reason);
        }

        // Otherwise exactly one variant must accept the value: a second match makes the choice ambiguous.
        var first = -1;
        for (var i = 0; i < downstream.Variants.Count; i++)
        {
            if (!AreCastable(upstream, downstream.Variants[i], path, Explain.No, out _))
            {
                continue;
            }

            if (first >= 0)
            {
                var detail = explain == Explain.Yes ? Ambiguity(upstream, downstream) : null;
                return Reject(path, upstream, downstream, detail, explain, out reason);
            }

            first = i;
        }

        if (first >= 0)
        {
            return Accept(out reason);
        }

        var noMatch = explain == Explain.Yes
            ? (downstream.Variants.Count == 0 ? "the union has no variants" : "no variant accepts it" + VariantReasons(upstream, downstream, path))
            : null;
        return Reject(path, upstream, downstream, noMatch, explain, out reason);
    }

    private static int FindVariant(FlyteType upstream, UnionType downstream)
    {
        for (var i = 0; i < downstream.Variants.Count; i++)
        {
            if (AreCastable(upstream, downstream.Variants[i], string.Empty, Explain.No, out _))
            {
                return i;
            }
        }

        return -1;
    }

    private static string Ambiguity(FlyteType upstream, UnionType downstream)
    {
        var matches = new List<string>();
        for (var i = 0; i < downstream.Variants.Count; i++)
        {
            if (AreCastable(upstream, downstream.Variants[i], string.Empty, Explain.No, out _))
            {
                matches.Add(Index(i));
            }
        }

        var last = matches[matches.Count - 1];
        matches.RemoveAt(matches.Count - 1);
        return "ambiguous, variants " + string.Join(", ", matches) + " and " + last + (matches.Count == 1 ? " both" : " all") + " accept it";
    }

    private static string VariantReasons(FlyteType upstream, UnionType downstream, string path)
    {
        var reasons = new List<string>(downstream.Variants.Count);
        for (var i = 0; i < downstream.Variants.Count; i++)
        {
            AreCastable(upstream, downstream.Variants[i], path + "|" + Index(i), Explain.Yes, out var variantReason);
            reasons.Add(variantReason ?? path + "|" + Index(i) + ": castable");
        }

        return " (" + string.Join("; ", reasons) + ")";
    }

    private static bool SchemaColumnMatches(SchemaColumnKind kind, FlyteType columnType)
    {
        // Upstream reads GetSimple(), which is NONE for a non-simple column type: no schema kind matches it.
        var simple = columnType is SimpleType s ? s.Kind : SimpleKind.None;
        return kind switch
        {
            SchemaColumnKind.Integer => simple == SimpleKind.Integer,
            SchemaColumnKind.Float => simple == SimpleKind.Float,
            SchemaColumnKind.String => simple == SimpleKind.String,
            SchemaColumnKind.Boolean => simple == SimpleKind.Boolean,
            SchemaColumnKind.Datetime => simple == SimpleKind.Datetime,
            SchemaColumnKind.Duration => simple == SimpleKind.Duration,
            _ => false,
        };
    }

    private static bool IsNone(FlyteType type) => type is SimpleType { Kind: SimpleKind.None };

    private static bool Accept(out string? reason)
    {
        reason = null;
        return true;
    }

    private static bool Reject(string path, FlyteType upstream, FlyteType downstream, string? detail, Explain explain, out string? reason) =>
        RejectRendered(path, explain == Explain.Yes ? upstream.ToString() : null, explain == Explain.Yes ? downstream.ToString() : null, detail, explain, out reason);

    private static bool RejectColumn(string path, string column, string upstream, string downstream, Explain explain, out string? reason) =>
        RejectRendered(Child(path, ColumnSegment(column, explain), explain), upstream, downstream, null, explain, out reason);

    private static bool RejectRendered(string path, string? upstream, string? downstream, string? detail, Explain explain, out string? reason)
    {
        reason = explain == Explain.Yes
            ? path + ": " + upstream + " is not castable to " + downstream + (detail is null ? string.Empty : ": " + detail)
            : null;
        return false;
    }

    private static string? MissingColumn(string name, Explain explain) =>
        explain == Explain.Yes ? "column \"" + name + "\" is missing upstream" : null;

    private static string Child(string path, string segment, Explain explain) =>
        explain == Explain.Yes ? path + segment : path;

    private static string ColumnSegment(string name, Explain explain) =>
        explain == Explain.Yes ? ".columns[" + name + "]" : string.Empty;

    private static string Render(SchemaColumnKind kind) => kind.ToString().ToUpperInvariant();

    private static string Index(int i) => i.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
