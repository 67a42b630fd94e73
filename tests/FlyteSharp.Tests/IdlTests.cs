using Flyteidl.Core;
using Google.Protobuf;

namespace FlyteSharp.Tests;

public sealed class IdlTests
{
    [Fact]
    public void Literal_messages_come_from_the_official_idl_and_round_trip()
    {
        var literal = new Literal { Scalar = new Scalar { Primitive = new Primitive { Integer = 42 } } };
        var parsed = Literal.Parser.ParseFrom(literal.ToByteArray());
        Assert.Equal(42, parsed.Scalar.Primitive.Integer);
        Assert.Equal("flyteidl.core.Literal", Literal.Descriptor.FullName);
    }
}
