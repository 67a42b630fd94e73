extern alias generator;

using FlyteSharp.Generator.Tests.Infrastructure;
using generator::FlyteSharp.Core;
using generator::FlyteSharp.Generator.Model;
using generator::FlyteSharp.Typing;
using TaskClassEmitter = generator::FlyteSharp.Generator.Emitter.TaskClassEmitter;

namespace FlyteSharp.Generator.Tests.Emitter;

/// <summary>How generated clients call the literal converter, with nullability signatures.</summary>
public sealed class LiteralCallTests
{
    [Fact]
    public void Nullable_reference_positions_carry_their_nullability_signature()
    {
        var text = TaskClassEmitter.Emit(NoteTask());

        Assert.Contains("inputs.Literals.Add(\"note\", global::FlyteSharp.Literals.LiteralConverter.For<string?>(\"?\").ToLiteral(note));", text, StringComparison.Ordinal);
        Assert.Contains("inputs.Literals.Add(\"count\", global::FlyteSharp.Literals.LiteralConverter.ToLiteral<int>(count));", text, StringComparison.Ordinal);
        Assert.Contains("taskOutputs.Literals.Add(\"o0\", global::FlyteSharp.Literals.LiteralConverter.For<global::System.Collections.Generic.List<string?>>(\"!?\").ToLiteral(result));", text, StringComparison.Ordinal);
        Assert.Contains("return global::FlyteSharp.Literals.LiteralConverter.For<global::System.Collections.Generic.List<string?>>(\"!?\").FromLiteral(Output(outputs, global::Notes.NotesFlyte.KeepTaskName, \"o0\"));", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_generated_client_with_a_nullable_reference_input_compiles_against_this_runtime() =>
        GeneratorHarness.Run("""
            using System.Collections.Generic;
            using FlyteSharp;

            namespace Notes
            {
                public static class Notes
                {
                    [FlyteTask] public static List<string?> Keep(string? note, int count) => new() { note };
                }
            }
            """).AssertClean();

    private static readonly FlyteType OptionalString = new UnionType(EquatableArray.Create<FlyteType>(
        new SimpleType(SimpleKind.String) { StructureTag = "str" },
        new SimpleType(SimpleKind.None) { StructureTag = "none" }));

    private static TaskClassSpec NoteTask()
    {
        var list = "global::System.Collections.Generic.List<string?>";
        var task = new TaskSpec(
            "Keep",
            "Keep",
            "Notes.Notes.Keep",
            IsStatic: true,
            TaskInvocation.Value,
            list,
            EquatableArray.Create(
                new TaskParameterSpec("note", "note", "string?", false, null, string.Empty),
                new TaskParameterSpec("count", "count", "int", false, null, string.Empty)),
            EquatableArray.Create(new TaskOutputSpec("o0", list, null)),
            new TaskCacheSpec(false, null, false, default, "flyte_task-Notes.Notes.Keep", null, null),
            "global::Notes.Notes.Keep(string, int)",
            new FlyteInterface(
                EquatableArray.Create(new FlyteVariable("note", OptionalString), new FlyteVariable("count", new SimpleType(SimpleKind.Integer))),
                EquatableArray.Create(new FlyteVariable("o0", new CollectionType(OptionalString)))));
        return new TaskClassSpec(new TaskClassInfo("Notes", "Notes", "global::Notes.Notes", "Notes.Notes"), EquatableArray.Create(task));
    }
}
