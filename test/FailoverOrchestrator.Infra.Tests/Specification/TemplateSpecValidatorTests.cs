using FailoverOrchestrator.Infra.Tests.Templates;

namespace FailoverOrchestrator.Infra.Tests.Specification;

public class TemplateSpecValidatorTests
{
    public static TheoryData<string> Templates =>
        new() { "template.yaml", "detection-us-east-1.yaml", "routing-control.yaml", "watch-health-record.yaml" };

    private static TemplateSpecValidator CreateSut() => new(ResourceSpecification.Shipped);

    private static CfnTemplate Infra(string file) => CfnTemplate.Load(Path.Combine(RepositoryFiles.Root, "infra", file));

    [Fact]
    public void Shipped_PinnedPackage_HasTheResourceTypes()
    {
        var specification = ResourceSpecification.Shipped;

        Assert.Equal("0.1.216", specification.Version);
        Assert.True(specification.ResourceTypeCount > 1000, $"only {specification.ResourceTypeCount} resource types");
    }

    [Theory]
    [MemberData(nameof(Templates))]
    public void Validate_InfraTemplate_MatchesSpecification(string file)
    {
        var errors = CreateSut().Validate(Infra(file));

        Assert.Empty(errors);
    }

    [Theory]
    [MemberData(nameof(Templates))]
    public void Check_InfraTemplate_ReferencesResolve(string file)
    {
        var errors = new TemplateReferenceChecker(ResourceSpecification.Shipped).Check(Infra(file));

        Assert.Empty(errors);
    }

    [Fact]
    public void Validate_UnknownType_Reported()
    {
        var template = CfnTemplate.Parse("Resources:\n  T:\n    Type: AWS::SNS::Topik\n");

        var error = Assert.Single(CreateSut().Validate(template));

        Assert.Contains("AWS::SNS::Topik", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_UnknownProperty_Reported()
    {
        var template = CfnTemplate.Parse("""
            Resources:
              Check:
                Type: AWS::Route53::HealthCheck
                Properties:
                  HealthCheckConfig:
                    Type: HTTPS
                    HealthTreshold: 2
            """);

        var error = Assert.Single(CreateSut().Validate(template));

        Assert.Contains("HealthCheckConfig: unknown property HealthTreshold", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_MissingRequiredProperty_Reported()
    {
        var template = CfnTemplate.Parse("""
            Resources:
              Fn:
                Type: AWS::Lambda::Function
                Properties:
                  Code: { S3Key: x }
            """);

        var error = Assert.Single(CreateSut().Validate(template));

        Assert.Contains("required property Role is missing", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_WrongShape_Reported()
    {
        var template = CfnTemplate.Parse("""
            Resources:
              Fn:
                Type: AWS::Lambda::Function
                Properties:
                  Code: ./publish
                  Role: !GetAtt R.Arn
                  Timeout: five
                  Architectures: !If [C, [arm64], arm64]
            """);

        var errors = CreateSut().Validate(template);

        Assert.Equal(3, errors.Count);
        Assert.Contains(errors, e => e.Contains(".Code: expected ref", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains(".Timeout: expected an integer", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains(".Architectures: expected array", StringComparison.Ordinal));
    }

    [Fact]
    public void Check_DanglingNames_Reported()
    {
        var template = CfnTemplate.Parse("""
            Resources:
              Queue:
                Type: AWS::SQS::Queue
                Condition: Missing
              Topic:
                Type: AWS::SNS::Topic
                Properties:
                  TopicName: !Sub ${Nope}-${Queue.Arnn}
                  DisplayName: !GetAtt Queue.QueueName
            Parameters:
              Unused:
                Type: String
            Outputs:
              Out:
                Value: !Ref Queue2
            """);

        var errors = new TemplateReferenceChecker(ResourceSpecification.Shipped).Check(template);

        Assert.Equal(5, errors.Count);
        Assert.Contains(errors, e => e.Contains("parameter Unused is never used", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("Nope is neither", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("AWS::SQS::Queue has no attribute Arnn", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("Queue2 is neither", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("condition Missing is not defined", StringComparison.Ordinal));
    }
}
