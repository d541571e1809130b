using FailoverOrchestrator.Watch.Dns;

namespace FailoverOrchestrator.Tests.Watch.Dns;

// Every packet below was made by an implementation we did not write: dnspython 2.3.0 (Debian's python3-dnspython):
// dns.message.make_query(name, type, use_edns=False) with the id set, and dns.message.make_response(query) with
// dns.rrset.from_text answers, serialized by Message.to_wire() (which compresses names, also inside CNAME data).
public sealed class DnsWireTests
{
    private const string QueryA = "123401000001000000000000066865616c746803617069076578616d706c6503636f6d0000010001";
    private const string QueryAaaa = "beef01000001000000000000066865616c746803617069076578616d706c6503636f6d00001c0001";
    private const string AnswerA =
        "123481800001000200000000066865616c746803617069076578616d706c6503636f6d0000010001" +
        "c00c000100010000003c0004c0000202c00c000100010000003c0004c6336402";
    private const string AnswerCnameChain =
        "010281000001000200000000066865616c746803617069076578616d706c6503636f6d0000010001" +
        "c00c000500010000003c00280d73686f702d757377322d3435360975732d776573742d3203656c6209616d617a6f6e617773c01f" +
        "c034000100010000003c0004c0000202";
    private const string AnswerNxDomain = "123481030001000000000000066865616c746803617069076578616d706c6503636f6d0000010001";
    private const string AnswerAaaa =
        "beef81000001000100000000066865616c746803617069076578616d706c6503636f6d00001c0001" +
        "c00c001c00010000003c001020010db8000000000000000000000002";

    [Theory]
    [InlineData(0x1234, 1, QueryA)]
    [InlineData(0xbeef, 28, QueryAaaa)]
    public void Encode_Question_SameBytesAsDnspython(int id, int type, string expected)
    {
        var query = DnsQuery.Encode((ushort)id, "Health.API.example.com.", (DnsRecordType)type);

        Assert.Equal(expected, Convert.ToHexString(query).ToLowerInvariant());
    }

    [Fact]
    public void Encode_LabelLongerThan63_Throws()
    {
        var ex = Assert.Throws<DnsFormatException>(() => DnsQuery.Encode(1, new string('a', 64) + ".example.com", DnsRecordType.A));

        Assert.Contains("is not a DNS name", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_TwoAddressAnswer_ReadsHeaderQuestionAndBothRecords()
    {
        var response = DnsResponseReader.Read(Convert.FromHexString(AnswerA));

        Assert.True(response.IsAnswerTo(0x1234, "health.api.example.com", DnsRecordType.A));
        Assert.False(response.Truncated);
        Assert.Equal(DnsResponse.NoError, response.ResponseCode);
        Assert.Equal(
            [
                new DnsResourceRecord("health.api.example.com", 1, 60, "192.0.2.2"),
                new DnsResourceRecord("health.api.example.com", 1, 60, "198.51.100.2"),
            ],
            response.Answers);
    }

    [Fact]
    public void Read_CnameChainWithCompressedNames_FollowsPointersInOwnersAndData()
    {
        var response = DnsResponseReader.Read(Convert.FromHexString(AnswerCnameChain));

        Assert.Equal(
            [
                new DnsResourceRecord("health.api.example.com", 5, 60, "shop-usw2-456.us-west-2.elb.amazonaws.com"),
                new DnsResourceRecord("shop-usw2-456.us-west-2.elb.amazonaws.com", 1, 60, "192.0.2.2"),
            ],
            response.Answers);
    }

    [Fact]
    public void Read_NxDomain_IsAnAnswerWithItsCode()
    {
        var response = DnsResponseReader.Read(Convert.FromHexString(AnswerNxDomain));

        Assert.Equal("NXDOMAIN", response.ResponseCodeName);
        Assert.Empty(response.Answers);
    }

    [Fact]
    public void Read_AaaaAnswer_ReadsTheIpv6Address()
    {
        var response = DnsResponseReader.Read(Convert.FromHexString(AnswerAaaa));

        Assert.Equal("2001:db8::2", Assert.Single(response.Answers).Value);
    }

    [Fact]
    public void Read_CutInsideAnAnswer_Throws()
    {
        var cut = Convert.FromHexString(AnswerA)[..^3];

        Assert.Throws<DnsFormatException>(() => DnsResponseReader.Read(cut));
    }

    [Fact]
    public void Read_PointerToItself_ThrowsInsteadOfLooping()
    {
        var looped = Convert.FromHexString(AnswerA);
        looped[12 + 24 + 4] = 0xC0;
        looped[12 + 24 + 5] = 12 + 24 + 4;

        var ex = Assert.Throws<DnsFormatException>(() => DnsResponseReader.Read(looped));

        Assert.Contains("does not point back", ex.Message, StringComparison.Ordinal);
    }
}
