using static FlyteSharp.Generator.Tests.Diagnostics.DiagnosticTestSupport;

namespace FlyteSharp.Generator.Tests.Diagnostics;

/// <summary>FLYTE001-FLYTE015: the task method, its types and its names. Each: it fires, and it does not.</summary>
public sealed class TaskDeclarationDiagnosticTests
{
    [Fact]
    public void FLYTE001_fires_on_an_unsupported_parameter_type_and_names_it()
    {
        var diagnostics = Expect("""
            public sealed class T
            {
                [FlyteTask] public int Run({|FLYTE001:object|} value) => 0;
                [FlyteTask] public int Nested({|FLYTE001:List<Guid>|} ids) => 0;
                [FlyteTask] public int Keys({|FLYTE001:Dictionary<int, string>|} byId) => 0;
                [FlyteTask] public int Small({|FLYTE001:sbyte|} a, {|FLYTE001:uint|} b, {|FLYTE001:decimal|} c, {|FLYTE001:char|} d) => 0;
                [FlyteTask] public int Pair({|FLYTE001:(int, int)|} pair) => 0;
                [FlyteTask] public int Grid({|FLYTE001:int[,]|} grid) => 0;
            }
            """);

        var messages = diagnostics.OrderBy(d => d.Location.SourceSpan.Start).Select(d => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.StartsWith("Parameter 'value' of task 'T.Run' has type 'object', which has no Flyte type: 'object' is not a supported type. Supported: long, int,", messages[0]);
        Assert.Contains("has type 'List<Guid>', which has no Flyte type: 'Guid' is not a supported type", messages[1]);
        Assert.Contains("dictionary keys must be string, not 'int'", messages[2]);
        Assert.Contains("a tuple is only supported as the return type", messages[7]);
        Assert.Contains("use a one-dimensional array", messages[8]);
    }

    [Fact]
    public void FLYTE001_does_not_fire_on_supported_parameter_types() => ExpectNone("""
        public enum Level { Low, High }
        public sealed class T
        {
            [FlyteTask] public int Run(long a, int b, short c, byte d, double e, float f, string g, bool h, DateTime i, DateTimeOffset j, TimeSpan k,
                Level l, int? m, string? n, List<int> o, int[] p, IReadOnlyList<string> q, Dictionary<string, int> r, IReadOnlyDictionary<string, List<Level?>> s,
                FlyteFile t, FlyteFile<Csv> u, FlyteDirectory v, FlyteDirectory<Parquet> w) => 0;
        }
        """);

    [Fact]
    public void FLYTE002_fires_on_an_unsupported_return_type_or_tuple_element()
    {
        var diagnostics = Expect("""
            public sealed class T
            {
                [FlyteTask] public {|FLYTE002:object|} Run() => new();
                [FlyteTask] public {|FLYTE002:Task<Guid>|} Id() => Task.FromResult(Guid.Empty);
                [FlyteTask] public (int count, {|FLYTE002:object other|}) Pair() => (1, new());
                [FlyteTask] public {|FLYTE002:Task<Task<int>>|} Nested() => Task.FromResult(Task.FromResult(1));
                [FlyteTask] public {|FLYTE002:IAsyncEnumerable<int>|} Stream() => throw new NotSupportedException();
            }
            """);

        var messages = diagnostics.OrderBy(d => d.Location.SourceSpan.Start).Select(d => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.StartsWith("Task 'T.Run' returns 'object', which has no Flyte type: 'object' is not a supported type. A task returns void, Task, ValueTask, T, Task<T> or ValueTask<T>", messages[0]);
        Assert.Contains("returns 'Task<Guid>', which has no Flyte type: 'Guid' is not a supported type", messages[1]);
        Assert.Contains("a task type can only be the method's own return type", messages[3]);
    }

    [Fact]
    public void FLYTE002_does_not_fire_on_supported_returns() => ExpectNone("""
        public sealed class T
        {
            [FlyteTask] public void A() { }
            [FlyteTask] public Task B() => Task.CompletedTask;
            [FlyteTask] public ValueTask C() => default;
            [FlyteTask] public int D() => 1;
            [FlyteTask] public Task<string> E() => Task.FromResult("e");
            [FlyteTask] public ValueTask<double?> F() => default;
            [FlyteTask] public (int count, List<string> names) G() => (0, new());
            [FlyteTask] public Task<(long, bool)> H() => Task.FromResult((1L, true));
        }
        """);

    [Fact]
    public void FLYTE003_fires_on_a_generic_task_method() => Expect("""
        public sealed class T
        {
            [FlyteTask] public int Run{|FLYTE003:<TValue>|}(int x) => x;
        }
        """);

    [Fact]
    public void FLYTE003_does_not_fire_on_a_task_beside_generic_methods() => ExpectNone("""
        public sealed class T
        {
            public TValue Identity<TValue>(TValue value) => value;
            [FlyteTask] public int Run(int x) => Identity(x);
        }
        """);

    [Fact]
    public void FLYTE004_fires_on_a_task_that_is_not_public_or_is_a_local_function()
    {
        var diagnostics = Expect("""
            public sealed class T
            {
                [FlyteTask] internal int {|FLYTE004:Hidden|}() => 1;
                [FlyteTask] private int {|FLYTE004:Secret|}() => 2;
                public int Outer()
                {
                    [FlyteTask] static int {|FLYTE004:Local|}() => 3;
                    return Local() + Hidden() + Secret();
                }
            }
            """);

        var messages = diagnostics.OrderBy(d => d.Location.SourceSpan.Start).Select(d => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal("Task method 'Hidden' is internal; a task must be a public method of a class so the generated client can call it", messages[0]);
        Assert.Contains("is a local function", messages[2]);
    }

    [Fact]
    public void FLYTE004_does_not_fire_on_public_tasks() => ExpectNone("""
        public sealed class T
        {
            [FlyteTask] public int Visible() => 1;
            [FlyteTask] public static int AlsoVisible() => 2;
        }
        """);

    [Fact]
    public void FLYTE005_fires_on_a_task_in_a_generic_type()
    {
        var diagnostics = Expect("""
            public sealed class Box<TItem>
            {
                [FlyteTask] public int {|FLYTE005:Count|}() => 0;
                public sealed class Inner
                {
                    [FlyteTask] public int {|FLYTE005:Size|}() => 0;
                }
            }
            """);

        Assert.All(diagnostics, d => Assert.Contains("generic type 'Box<TItem>'", d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void FLYTE005_does_not_fire_on_a_task_in_a_non_generic_type() => ExpectNone("""
        public sealed class Box : List<int>
        {
            [FlyteTask] public int Size() => Count;
        }
        """);

    [Fact]
    public void FLYTE006_fires_on_a_task_in_a_type_that_is_not_public()
    {
        var diagnostics = Expect("""
            internal sealed class Hidden
            {
                [FlyteTask] public int {|FLYTE006:Run|}() => 1;
            }
            public static class Outer
            {
                private sealed class Secret
                {
                    [FlyteTask] public int {|FLYTE006:Run|}() => 1;
                }
            }
            """);

        var messages = diagnostics.OrderBy(d => d.Location.SourceSpan.Start).Select(d => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal("Task method 'Run' is in 'Hidden', which is internal; the generated public interface and client need the class to be public", messages[0]);
        Assert.Contains("is in 'Outer.Secret', which is private", messages[1], StringComparison.Ordinal);
    }

    [Fact]
    public void FLYTE006_does_not_fire_on_a_public_nested_class() => ExpectNone("""
        public static class Outer
        {
            public sealed class Visible
            {
                [FlyteTask] public int Run() => 1;
            }
        }
        """);

    [Fact]
    public void FLYTE007_fires_on_a_task_in_a_struct_or_interface() => Expect("""
        public struct Point
        {
            [FlyteTask] public int {|FLYTE007:Run|}() => 1;
        }
        public interface IRunner
        {
            [FlyteTask] int {|FLYTE007:Run|}();
        }
        public record struct Pair(int A)
        {
            [FlyteTask] public int {|FLYTE007:Sum|}() => A;
        }
        """);

    [Fact]
    public void FLYTE007_does_not_fire_on_a_class_or_record_class() => ExpectNone("""
        public record Tasks(int Seed)
        {
            [FlyteTask] public static int Run() => 1;
        }
        """);

    [Fact]
    public void FLYTE008_fires_on_an_instance_task_in_an_abstract_class() => Expect("""
        public abstract class Base
        {
            [FlyteTask] public int {|FLYTE008:Run|}() => 1;
        }
        """);

    [Fact]
    public void FLYTE008_does_not_fire_on_a_static_task_in_an_abstract_class() => ExpectNone("""
        public abstract class Base
        {
            [FlyteTask] public static int Run() => 1;
        }
        """);

    [Fact]
    public void FLYTE009_fires_on_a_name_that_is_not_a_flyte_variable_name()
    {
        var diagnostics = Expect("""
            public sealed class T
            {
                [FlyteTask] public int Run(int {|FLYTE009:données|}) => 0;
                [FlyteTask] public (int count, {|FLYTE009:int réponse|}) Pair() => (1, 2);
            }
            """);

        var messages = diagnostics.OrderBy(d => d.Location.SourceSpan.Start).Select(d => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal("The parameter name 'données' of task 'T.Run' is not a valid Flyte variable name; use ASCII letters, digits and underscores, not starting with a digit", messages[0]);
        Assert.StartsWith("The output name 'réponse'", messages[1]);
    }

    [Fact]
    public void FLYTE009_does_not_fire_on_ascii_identifiers() => ExpectNone("""
        public sealed class T
        {
            [FlyteTask] public (int total_2, int _rest) Run(int snake_case_2, int _private, int camelCase) => (1, 2);
        }
        """);

    [Fact]
    public void FLYTE010_fires_on_an_input_named_cancellationToken() => Expect("""
        public sealed class T
        {
            [FlyteTask] public int Run(string {|FLYTE010:cancellationToken|}) => 0;
        }
        """);

    [Fact]
    public void FLYTE010_does_not_fire_on_a_cancellation_token_named_cancellationToken() => ExpectNone("""
        public sealed class T
        {
            [FlyteTask] public Task<int> Run(string text, CancellationToken cancellationToken) => Task.FromResult(text.Length);
        }
        """);

    [Fact]
    public void FLYTE011_fires_on_ref_and_out_parameters()
    {
        var diagnostics = Expect("""
            public sealed class T
            {
                [FlyteTask] public void Run(ref int {|FLYTE011:total|}, out string {|FLYTE011:text|}) => text = total.ToString();
            }
            """);

        Assert.Contains("is 'ref int'", diagnostics.OrderBy(d => d.Location.SourceSpan.Start).First().GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void FLYTE011_does_not_fire_on_in_and_params_parameters() => ExpectNone("""
        public sealed class T
        {
            [FlyteTask] public int Run(in int total, params int[] values) => total + values.Length;
        }
        """);

    [Fact]
    public void FLYTE012_fires_on_tasks_generating_one_member()
    {
        var diagnostics = Expect("""
            public sealed class T
            {
                [FlyteTask(Name = "a")] public int {|FLYTE012:Clean|}(int x) => x;
                [FlyteTask(Name = "b")] public Task<int> {|FLYTE012:CleanAsync|}(int x) => Task.FromResult(x);
                [FlyteTask] public int {|FLYTE012:Client|}() => 0;
            }
            """);

        var messages = diagnostics.OrderBy(d => d.Location.SourceSpan.Start).Select(d => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal("Task method 'Clean' would generate 'Clean' in 'TFlyte', which task method 'CleanAsync' also generates; rename one of them", messages[0]);
        Assert.Equal("Task method 'Client' would generate 'Client' in 'TFlyte', which FlyteSharp also generates; rename one of them", messages[2]);
    }

    [Fact]
    public void FLYTE012_fires_on_a_task_named_like_another_tasks_constant()
    {
        var diagnostics = Expect("""
            public sealed class T
            {
                [FlyteTask] public int {|FLYTE012:Total|}() => 0;
                [FlyteTask] public int {|FLYTE012:TotalTaskName|}() => 0;
            }
            """);

        Assert.Contains(
            "Task method 'Total' would generate 'TotalTaskName' in 'TFlyte', which task method 'TotalTaskName' also generates; rename one of them",
            diagnostics.Select(d => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void FLYTE012_does_not_fire_on_distinct_names() => ExpectNone("""
        public sealed class T
        {
            [FlyteTask] public int Clean(int x) => x;
            [FlyteTask] public Task<int> CleanupAsync(int x) => Task.FromResult(x);
        }
        """);

    [Fact]
    public void FLYTE013_fires_on_two_outputs_with_one_name() => Expect("""
        public sealed class T
        {
            [FlyteTask] public (int o1, {|FLYTE013:int|}) Run() => (1, 2);
        }
        """);

    [Fact]
    public void FLYTE013_does_not_fire_on_distinct_output_names() => ExpectNone("""
        public sealed class T
        {
            [FlyteTask] public (int o1, int o0) Run() => (1, 2);
        }
        """);

    [Fact]
    public void FLYTE014_fires_on_an_empty_task_name()
    {
        var diagnostics = Expect("""
            namespace Shop
            {
                public sealed class T
                {
                    [FlyteTask(Name = {|FLYTE014:" "|})] public int RunAsync() => 0;
                }
            }
            """);

        Assert.Equal(
            "The task name of 'T.RunAsync' is empty or only whitespace; remove Name to use the default 'Shop.T.Run' or give a name",
            Message(diagnostics));
    }

    [Fact]
    public void FLYTE014_does_not_fire_on_a_given_name()
    {
        var run = ExpectNone("""
            public sealed class T
            {
                [FlyteTask(Name = "shop.run")] public int Run() => 0;
            }
            """);

        Assert.Contains("public const string RunTaskName = \"shop.run\";", run.Source("T.FlyteTasks.g.cs"), StringComparison.Ordinal);
    }

    [Fact]
    public void FLYTE015_fires_on_two_tasks_with_one_name()
    {
        var diagnostics = Expect("""
            namespace Shop
            {
                public sealed class A
                {
                    [FlyteTask(Name = {|FLYTE015:"shop.same"|})] public int Run() => 0;
                }
                public sealed class B
                {
                    [FlyteTask(Name = {|FLYTE015:"shop.same"|})] public int Go() => 0;
                    [FlyteTask] public int {|FLYTE012:{|FLYTE015:Twice|}|}(int x) => 2 * x;
                    [FlyteTask] public long {|FLYTE012:{|FLYTE015:Twice|}|}(long x) => 2 * x;
                }
            }
            """);

        var named = diagnostics.Where(d => d.Id == "FLYTE015").Select(d => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Contains("Task name 'shop.same' is used by Shop.A.Run and Shop.B.Go; task names identify cache datasets and must be unique in a compilation", named);
        Assert.Contains("Task name 'Shop.B.Twice' is used by Shop.B.Twice and Shop.B.Twice; task names identify cache datasets and must be unique in a compilation", named);
    }

    [Fact]
    public void FLYTE015_does_not_fire_on_distinct_names_across_classes() => ExpectNone("""
        namespace Shop
        {
            public sealed class A { [FlyteTask] public int Run() => 0; }
            public sealed class B { [FlyteTask] public int Run() => 0; }
        }
        """);
}
