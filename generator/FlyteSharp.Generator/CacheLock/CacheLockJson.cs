using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using FlyteSharp.Hashing;

namespace FlyteSharp.Generator.CacheLock
{
    /// <summary>
    /// The format of <c>flyte.cache.lock.json</c>: <c>{"formatVersion": 1, "tasks": [{"name", "cacheVersion",
    /// "datasetVersion", "bodyHash"}, ...]}</c>, tasks in ordinal order of name, two-space indented, so that the file
    /// diffs well in review and is byte-identical for the same tasks.
    /// </summary>
    internal static class CacheLockJson
    {
        /// <summary>The lock file's name, at the project root.</summary>
        public const string FileName = "flyte.cache.lock.json";

        /// <summary>The only format version written and read.</summary>
        public const int FormatVersion = 1;

        /// <summary>The lock file text for <paramref name="entries"/>.</summary>
        public static string Write(IEnumerable<CacheLockEntry> entries)
        {
            var text = new StringBuilder();
            text.Append("{\n  \"formatVersion\": ").Append(FormatVersion.ToString(CultureInfo.InvariantCulture)).Append(",\n  \"tasks\": [");
            var first = true;
            foreach (var entry in entries.OrderBy(e => e.TaskName, StringComparer.Ordinal))
            {
                text.Append(first ? "\n" : ",\n");
                first = false;
                text.Append("    {\n");
                Property(text, "name", entry.TaskName, last: false);
                Property(text, "cacheVersion", entry.CacheVersion, last: false);
                Property(text, "datasetVersion", entry.DatasetVersion, last: false);
                Property(text, "bodyHash", entry.BodyHash, last: true);
                text.Append("    }");
            }

            text.Append(first ? "]\n}\n" : "\n  ]\n}\n");
            return text.ToString();
        }

        /// <summary>Reads a lock file.</summary>
        /// <exception cref="FormatException">Not JSON, another format version, or an entry without its four strings.</exception>
        public static IReadOnlyList<CacheLockEntry> Read(string json)
        {
            if (CommonJson.Parse(json) is not Dictionary<string, object?> root)
            {
                throw new FormatException("the lock file is not a JSON object");
            }

            if (!root.TryGetValue("formatVersion", out var version) || version is not double number || number != FormatVersion)
            {
                throw new FormatException("the lock file's \"formatVersion\" is not " + FormatVersion.ToString(CultureInfo.InvariantCulture));
            }

            if (!root.TryGetValue("tasks", out var tasks) || tasks is not List<object?> list)
            {
                throw new FormatException("the lock file has no \"tasks\" array");
            }

            var entries = new List<CacheLockEntry>(list.Count);
            for (var i = 0; i < list.Count; i++)
            {
                if (list[i] is not Dictionary<string, object?> task)
                {
                    throw new FormatException("tasks[" + i.ToString(CultureInfo.InvariantCulture) + "] is not an object");
                }

                entries.Add(new CacheLockEntry(
                    Field(task, "name", i),
                    Field(task, "cacheVersion", i),
                    Field(task, "datasetVersion", i),
                    Field(task, "bodyHash", i)));
            }

            return entries;
        }

        private static string Field(Dictionary<string, object?> task, string name, int index) =>
            task.TryGetValue(name, out var value) && value is string text
                ? text
                : throw new FormatException("tasks[" + index.ToString(CultureInfo.InvariantCulture) + "] has no string \"" + name + "\"");

        private static void Property(StringBuilder text, string name, string value, bool last)
        {
            text.Append("      \"").Append(name).Append("\": ");
            Quote(text, value);
            text.Append(last ? "\n" : ",\n");
        }

        private static void Quote(StringBuilder text, string value)
        {
            text.Append('"');
            foreach (var c in value)
            {
                switch (c)
                {
                    case '"':
                        text.Append("\\\"");
                        break;
                    case '\\':
                        text.Append("\\\\");
                        break;
                    case < ' ':
                        text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                        break;
                    default:
                        text.Append(c);
                        break;
                }
            }

            text.Append('"');
        }
    }
}
