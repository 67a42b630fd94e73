using FlyteSharp.Core;
using Proto = Flyteidl.Core;

namespace FlyteSharp.Typing;

/// <summary>
/// Converts <c>flyteidl.core.TypedInterface</c> messages to <see cref="FlyteInterface"/> and back. Variables keep
/// the order of the message's maps (the order they were written in, which is declaration order for flytekit and
/// FlyteSharp); types convert as <see cref="LiteralTypeModel"/> does; descriptions are kept (<c>""</c> reads as
/// none); artifact ids and tags are dropped.
/// </summary>
public static class TypedInterfaceModel
{
    /// <summary>Converts a protobuf interface to the model. A missing input or output map reads as empty.</summary>
    /// <exception cref="LiteralTypeConversionException">A variable has no type, or a type the model cannot represent.</exception>
    public static FlyteInterface ToFlyteInterface(this Proto.TypedInterface typedInterface)
    {
        ArgumentNullException.ThrowIfNull(typedInterface);
        return new FlyteInterface(
            FromProto(typedInterface.Inputs, "inputs"),
            FromProto(typedInterface.Outputs, "outputs"));
    }

    /// <summary>Converts a model interface to a protobuf interface; both variable maps are always set.</summary>
    /// <exception cref="ArgumentException">Two inputs or two outputs share a name.</exception>
    public static Proto.TypedInterface ToTypedInterface(this FlyteInterface flyteInterface)
    {
        ArgumentNullException.ThrowIfNull(flyteInterface);
        return new Proto.TypedInterface
        {
            Inputs = ToProto(flyteInterface.Inputs, "inputs"),
            Outputs = ToProto(flyteInterface.Outputs, "outputs"),
        };
    }

    private static EquatableArray<FlyteVariable> FromProto(Proto.VariableMap? variables, string side) =>
        variables is null
            ? default
            : variables.Variables
                .Select(entry => new FlyteVariable(
                    entry.Key,
                    entry.Value.Type is null
                        ? throw new LiteralTypeConversionException(side + "." + entry.Key + ": the variable has no type")
                        : LiteralTypeModel.FromProto(entry.Value.Type, side + "." + entry.Key),
                    entry.Value.Description.Length == 0 ? null : entry.Value.Description))
                .ToEquatableArray();

    private static Proto.VariableMap ToProto(EquatableArray<FlyteVariable> variables, string side)
    {
        var map = new Proto.VariableMap();
        foreach (var variable in variables)
        {
            if (map.Variables.ContainsKey(variable.Name))
            {
                throw new ArgumentException(side + "." + variable.Name + ": the interface declares this name twice", nameof(variables));
            }

            map.Variables.Add(variable.Name, new Proto.Variable
            {
                Type = variable.Type.ToLiteralType(),
                Description = variable.Description ?? string.Empty,
            });
        }

        return map;
    }
}
