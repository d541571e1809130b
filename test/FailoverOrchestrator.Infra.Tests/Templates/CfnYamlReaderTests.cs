using System.Text.Json.Nodes;

namespace FailoverOrchestrator.Infra.Tests.Templates;

public class CfnYamlReaderTests
{
    [Fact]
    public void Read_ShortFormTags_BecomeLongForm()
    {
        var root = CfnYamlReader.Read("""
            A: !Ref Bucket
            B: !GetAtt Queue.Arn
            C: !Sub arn:${AWS::Partition}:sns
            D: !If [IsProd, !Join [",", [x, y]], !Ref "AWS::NoValue"]
            E: !Not [!Condition InUsEast1]
            F: !Select [0, !GetAZs ""]
            G: !Base64 text
            """);

        Assert.Equal("""{"Ref":"Bucket"}""", root["A"]!.ToJsonString());
        Assert.Equal("""{"Fn::GetAtt":["Queue","Arn"]}""", root["B"]!.ToJsonString());
        Assert.Equal("""{"Fn::Sub":"arn:${AWS::Partition}:sns"}""", root["C"]!.ToJsonString());
        Assert.Equal("""{"Fn::If":["IsProd",{"Fn::Join":[",",["x","y"]]},{"Ref":"AWS::NoValue"}]}""", root["D"]!.ToJsonString());
        Assert.Equal("""{"Fn::Not":[{"Condition":"InUsEast1"}]}""", root["E"]!.ToJsonString());
        Assert.Equal("""{"Fn::Select":["0",{"Fn::GetAZs":""}]}""", root["F"]!.ToJsonString());
        Assert.Equal("""{"Fn::Base64":"text"}""", root["G"]!.ToJsonString());
    }

    [Fact]
    public void Read_UnknownTag_Throws()
    {
        var error = Assert.Throws<InvalidDataException>(() => CfnYamlReader.Read("A: !Reff Bucket"));

        Assert.Contains("!Reff", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_DuplicateKey_Throws()
    {
        Assert.ThrowsAny<Exception>(() => CfnYamlReader.Read("A: 1\nA: 2"));
    }

    [Fact]
    public void Describe_Intrinsics_UseShortForm()
    {
        var root = CfnYamlReader.Read("A: !GetAtt Queue.Arn\nB: !Sub x-${Y}\nC: '*'");

        Assert.Equal(["!GetAtt Queue.Arn", "!Sub x-${Y}", "*"], new[] { root["A"], root["B"], root["C"] }.Select(Intrinsic.Describe));
    }

    [Fact]
    public void Read_DeployedTemplates_Parse()
    {
        var templates = new[] { RepositoryFiles.Template, RepositoryFiles.DetectionTemplate }.Select(CfnTemplate.Load);

        Assert.All(templates, t => Assert.NotEmpty(t.Resources));
        Assert.IsType<JsonObject>(CfnTemplate.Load(RepositoryFiles.Template).Resources["Function"]);
    }
}
