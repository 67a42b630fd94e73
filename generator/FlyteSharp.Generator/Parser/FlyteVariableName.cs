namespace FlyteSharp.Generator.Parser
{
    /// <summary>
    /// The names FlyteSharp accepts for Flyte inputs and outputs. Flyte's IDL takes any string, but the names
    /// travel into flytekit (as Python keyword arguments), the Flyte console and flytectl input files, so
    /// FlyteSharp keeps to what all of them accept: ASCII letters, digits and underscores, not starting with a digit.
    /// </summary>
    internal static class FlyteVariableName
    {
        /// <summary>Whether <paramref name="name"/> is a valid Flyte variable name.</summary>
        public static bool IsValid(string name)
        {
            if (name.Length == 0 || IsDigit(name[0]))
            {
                return false;
            }

            foreach (var c in name)
            {
                if (!(IsDigit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'))
                {
                    return false;
                }
            }

            return true;
        }

        private static bool IsDigit(char c) => c >= '0' && c <= '9';
    }
}
