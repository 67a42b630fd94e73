using Datacatalog;

namespace FlyteSharp.Cli.Catalog;

/// <summary>
/// A dataset on the command line as <c>PROJECT/DOMAIN/NAME/VERSION</c>, the form <c>catalog ls</c> prints. Leading parts
/// alone (<c>PROJECT</c>, <c>PROJECT/DOMAIN</c>, ...) select the datasets that match them. The version is everything
/// after the third slash, so a cache version may itself contain slashes.
/// </summary>
internal sealed record DatasetSelector(string? Project, string? Domain, string? Name, string? Version)
{
    public const string Syntax = "PROJECT/DOMAIN/NAME/VERSION";

    public static DatasetSelector All { get; } = new(null, null, null, null);

    /// <summary>Whether every part is given, so it names exactly one dataset.</summary>
    public bool IsComplete => Version is not null;

    /// <exception cref="CliUsageException">The text has an empty part.</exception>
    public static DatasetSelector Parse(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return All;
        }

        var parts = text.Split('/', 4);
        if (parts.Any(part => part.Length == 0))
        {
            throw new CliUsageException($"'{text}' is not a dataset: expected {Syntax} (or its leading parts), with no empty part");
        }

        string? Part(int index) => index < parts.Length ? parts[index] : null;
        return new DatasetSelector(Part(0), Part(1), Part(2), Part(3));
    }

    /// <exception cref="CliUsageException">Not every part is given.</exception>
    public DatasetID RequireId(string command)
    {
        if (!IsComplete)
        {
            throw new CliUsageException($"{command} needs a whole dataset: {Syntax} (catalog ls prints them)");
        }

        return new DatasetID { Project = Project, Domain = Domain, Name = Name, Version = Version };
    }

    /// <summary>The ListDatasets filter for the given parts (none: every dataset).</summary>
    public FilterExpression? ToFilter()
    {
        var filter = new FilterExpression();
        void Add(DatasetPropertyFilter property) =>
            filter.Filters.Add(new SinglePropertyFilter { DatasetFilter = property, Operator = SinglePropertyFilter.Types.ComparisonOperator.Equals });
        if (Project is not null)
        {
            Add(new DatasetPropertyFilter { Project = Project });
        }

        if (Domain is not null)
        {
            Add(new DatasetPropertyFilter { Domain = Domain });
        }

        if (Name is not null)
        {
            Add(new DatasetPropertyFilter { Name = Name });
        }

        if (Version is not null)
        {
            Add(new DatasetPropertyFilter { Version = Version });
        }

        return filter.Filters.Count == 0 ? null : filter;
    }

    public static string Format(DatasetID id) => $"{id.Project}/{id.Domain}/{id.Name}/{id.Version}";
}
