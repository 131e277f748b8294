using System.Text;
using Releng.Jobs.Koji.XmlRpc;
using Releng.Jobs.Sandbox.Koji.XmlRpc;

namespace Releng.Jobs.Tests.Koji;

public class XmlRpcCodecTests
{
    private static object? RoundTripAsParam(object? value) =>
        XmlRpcServerCodec.DecodeCall(XmlRpcCodec.EncodeCall(new XmlRpcMethodCall("m", [value]))).Params[0];

    private static object? RoundTripAsResponse(object? value) =>
        XmlRpcCodec.DecodeResponse(XmlRpcServerCodec.EncodeResponse(value)).Value;

    public static TheoryData<object?> EveryValueType() => new()
    {
        null, 0, -7, int.MaxValue, int.MinValue, 4_294_967_296L, long.MinValue, 0.5, -1.25e-7, 1795556885.785167, 1e300, true, false,
        "", "plain", "a & b < c > d \"q\" 'a'", "tabs\tand\nnewlines\r\nand CR", "ünïcödé ✓ 𝄞", "  padded  ",
        new byte[] { 0, 1, 2, 254, 255 },
        new List<object?> { 1, "two", null, new List<object?>() },
        new XmlRpcStruct { ["a"] = 1, ["nested"] = new XmlRpcStruct { ["empty"] = new XmlRpcStruct() }, ["nil"] = null },
    };

    [Theory]
    [MemberData(nameof(EveryValueType))]
    public void Every_value_type_survives_a_request_round_trip(object? value) =>
        Assert.True(XmlRpcValues.DeepEquals(value, RoundTripAsParam(value)), XmlRpcValues.Describe(RoundTripAsParam(value)));

    [Theory]
    [MemberData(nameof(EveryValueType))]
    public void Every_value_type_survives_a_hub_style_response_round_trip(object? value) =>
        Assert.True(XmlRpcValues.DeepEquals(value, RoundTripAsResponse(value)), XmlRpcValues.Describe(RoundTripAsResponse(value)));

    [Fact]
    public void Integers_beyond_int32_are_sent_as_i8_and_smaller_ones_as_int()
    {
        var xml = XmlRpcCodec.EncodeCall(new XmlRpcMethodCall("m", [5_000_000_000L, 6L, 7]));

        Assert.Contains("<i8>5000000000</i8>", xml);
        Assert.Contains("<int>6</int>", xml);
        Assert.Contains("<int>7</int>", xml);
    }

    [Fact]
    public void I8_and_i4_are_read_as_integers()
    {
        var response = "<methodResponse><params><param><value><array><data>" +
                       "<value><i8>9223372036854775807</i8></value><value><i4>-3</i4></value><value><i8>12</i8></value>" +
                       "</data></array></value></param></params></methodResponse>";

        var values = (IReadOnlyList<object?>)XmlRpcCodec.DecodeResponse(response).Value!;

        Assert.Equal(long.MaxValue, values[0]);
        Assert.Equal(-3, values[1]);
        Assert.Equal(12L, values[2]);
    }

    [Theory]
    [InlineData("<value><nil/></value>")]
    [InlineData("<value><ex:nil xmlns:ex=\"http://ws.apache.org/xmlrpc/namespaces/extensions\"/></value>")]
    public void Nil_in_either_spelling_reads_as_null(string value) =>
        Assert.Null(XmlRpcServerCodec.DecodeCall($"<methodCall><methodName>m</methodName><params><param>{value}</param></params></methodCall>").Params[0]);

    [Theory]
    [InlineData("<value></value>", "")]
    [InlineData("<value/>", "")]
    [InlineData("<value>f42</value>", "f42")]
    [InlineData("<value> spaced </value>", " spaced ")]
    [InlineData("<value><string></string></value>", "")]
    public void An_untyped_or_empty_value_is_a_string(string value, string expected) =>
        Assert.Equal(expected, XmlRpcServerCodec.DecodeCall($"<methodCall><methodName>m</methodName><params><param>{value}</param></params></methodCall>").Params[0]);

    [Theory]
    [InlineData("19980717T14:08:55")]
    [InlineData("1998-07-17T14:08:55")]
    [InlineData("19980717T14:08:55Z")]
    public void DateTime_iso8601_is_parsed(string text)
    {
        var value = XmlRpcCodec.DecodeResponse(
            $"<methodResponse><params><param><value><dateTime.iso8601>{text}</dateTime.iso8601></value></param></params></methodResponse>").Value;

        Assert.Equal(new DateTime(1998, 7, 17, 14, 8, 55), value);
    }

    [Fact]
    public void Times_are_never_sent_as_dateTime()
    {
        var error = Assert.Throws<XmlRpcFormatException>(() =>
            XmlRpcCodec.EncodeCall(new XmlRpcMethodCall("listBuilds", [DateTimeOffset.UtcNow])));

        Assert.Contains("dateTime.iso8601", error.Message);
    }

    [Fact]
    public void Doubles_are_written_like_python_with_a_fraction() =>
        Assert.Contains("<double>946684800.0</double>", XmlRpcCodec.EncodeCall(new XmlRpcMethodCall("m", [946684800.0])));

    [Fact]
    public void A_fault_response_is_a_fault_not_a_value()
    {
        var result = XmlRpcCodec.DecodeResponse(KojiSamples.Read("04-getTag-missing-strict-kwargs.resp.xml"));

        Assert.True(result.IsFault);
        Assert.Equal(1000, result.Fault!.Code);
        Assert.Equal("No such tagInfo: 'no-such-tag'", result.Fault.Message);
    }

    [Theory]
    [InlineData("<methodCall><methodName>getTag</methodName><params><param><value><string>f42")]
    [InlineData("not xml at all")]
    [InlineData("<methodResponse><params><param><value><int>x</int></value></param></params></methodResponse>")]
    [InlineData("<methodResponse><params><param><value><bogus>1</bogus></value></param></params></methodResponse>")]
    [InlineData("<methodResponse></methodResponse>")]
    [InlineData("<html><body>502 Bad Gateway</body></html>")]
    public void Malformed_documents_raise_a_clear_format_error(string xml) =>
        Assert.Throws<XmlRpcFormatException>(() => XmlRpcCodec.DecodeResponse(xml));

    [Fact]
    public void A_document_type_definition_is_refused() =>
        Assert.Throws<XmlRpcFormatException>(() => XmlRpcCodec.DecodeResponse(
            "<!DOCTYPE x [<!ENTITY a \"aaaa\">]><methodResponse><params><param><value>&a;</value></param></params></methodResponse>"));

    [Fact]
    public void A_multicall_result_mixes_values_and_faults_in_call_order()
    {
        var response = XmlRpcCodec.DecodeResponse(KojiSamples.Read("17-system.multicall.resp.xml"));

        var entries = XmlRpcCodec.ReadMultiCallResults(response.Value);

        Assert.Equal(4, entries.Count);
        Assert.Equal("f42", ((XmlRpcStruct)entries[0].Value!).GetString("name"));
        Assert.Equal((1000, "No such build: 'nosuch-1-1'"), (entries[1].Fault!.Code, entries[1].Fault!.Message));
        Assert.NotEmpty(entries[1].Fault!.Traceback!);
        Assert.Equal("Invalid method: noSuchMethod", entries[2].Fault!.Message);
        var rows = (IReadOnlyList<object?>)entries[3].Value!;
        Assert.Equal("zlib-ng-2.2.3-1.fc42", ((XmlRpcStruct)rows.Single()!).GetString("nvr"));
    }

    [Fact]
    public void Multicall_responses_written_by_the_codec_read_back_the_same()
    {
        var outcomes = new[]
        {
            XmlRpcResult.Success(new List<object?> { 1, 2 }), XmlRpcResult.Failure(new XmlRpcFault(1019, "bad", ["tb\n"])),
            XmlRpcResult.Success(null),
        };

        var decoded = XmlRpcCodec.ReadMultiCallResults(
            XmlRpcCodec.DecodeResponse(XmlRpcServerCodec.EncodeResponse(XmlRpcServerCodec.MultiCallResponseValue(outcomes))).Value);

        Assert.True(XmlRpcValues.DeepEquals(outcomes[0].Value, decoded[0].Value));
        Assert.Equal(1019, decoded[1].Fault!.Code);
        Assert.False(decoded[2].IsFault);
        Assert.Null(decoded[2].Value);
    }

    [Fact]
    public void The_request_encoder_writes_exactly_what_the_reference_samples_sent()
    {
        var call = new XmlRpcMethodCall("listTagged",
            ["f42-updates", new XmlRpcStruct { ["inherit"] = true, ["latest"] = true, ["__starstar"] = true }]);

        Assert.Equal(KojiSamples.Read("05-listTagged-latest-inherit.req.xml"), XmlRpcCodec.EncodeCall(call));
        Assert.Equal(KojiSamples.Read("01-getAPIVersion.req.xml"), XmlRpcCodec.EncodeCall(new XmlRpcMethodCall("getAPIVersion", [])) + "");
    }

    [Theory]
    [InlineData("02-getTag.resp.xml")]
    [InlineData("03-getTag-missing.resp.xml")]
    [InlineData("04-getTag-missing-strict-kwargs.resp.xml")]
    [InlineData("07-getLatestBuilds.resp.xml")]
    [InlineData("11-getBuild-image-id.resp.xml")]
    [InlineData("15-listArchives-buildID.resp.xml")]
    [InlineData("17-system.multicall.resp.xml")]
    [InlineData("30-login.resp.xml")]
    public void The_response_encoder_writes_byte_for_byte_what_the_hub_wrote(string sample)
    {
        var original = KojiSamples.Read(sample);
        var decoded = XmlRpcCodec.DecodeResponse(original);

        var rewritten = decoded.Fault is { } fault ? XmlRpcServerCodec.EncodeFault(fault with { Traceback = null }) : XmlRpcServerCodec.EncodeResponse(decoded.Value);

        Assert.Equal(original, rewritten);
    }

    [Fact]
    public void Random_nested_values_round_trip_through_requests_and_responses()
    {
        var random = new Random(20261124);
        for (var i = 0; i < 300; i++)
        {
            var value = RandomValue(random, depth: 0);
            Assert.True(XmlRpcValues.DeepEquals(value, RoundTripAsParam(value)), $"request #{i}: {XmlRpcValues.Describe(value)}");
            Assert.True(XmlRpcValues.DeepEquals(value, RoundTripAsResponse(value)), $"response #{i}: {XmlRpcValues.Describe(value)}");
        }
    }

    private static object? RandomValue(Random random, int depth)
    {
        var kind = random.Next(depth >= 3 ? 7 : 9);
        return kind switch
        {
            0 => null,
            1 => random.Next(int.MinValue, int.MaxValue),
            2 => random.NextInt64() + (long)int.MaxValue + 1,
            3 => Math.Round(random.NextDouble() * Math.Pow(10, random.Next(-5, 15)), random.Next(0, 8)),
            4 => random.Next(2) == 0,
            5 => RandomString(random),
            6 => RandomBytes(random),
            7 => Enumerable.Range(0, random.Next(0, 5)).Select(_ => RandomValue(random, depth + 1)).ToList(),
            _ => new XmlRpcStruct(Enumerable.Range(0, random.Next(0, 5))
                .Select(n => new KeyValuePair<string, object?>($"{RandomString(random)}{n}", RandomValue(random, depth + 1)))),
        };
    }

    private static string RandomString(Random random)
    {
        const string alphabet = "abcXYZ019 -_.<>&\"'\t\n\réü✓€";
        var text = new StringBuilder();
        for (var i = random.Next(0, 12); i > 0; i--)
        {
            text.Append(alphabet[random.Next(alphabet.Length)]);
        }
        return text.ToString();
    }

    private static byte[] RandomBytes(Random random)
    {
        var bytes = new byte[random.Next(0, 20)];
        random.NextBytes(bytes);
        return bytes;
    }
}
