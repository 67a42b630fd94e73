namespace FlyteSharp.Generator
{
    internal static class GeneratorInfo
    {
        public const string Name = "FlyteSharp.Generator";
    }
}
