using FailoverOrchestrator.Aws.DynamoDb;

namespace FailoverOrchestrator.IntegrationTests.Aws.DynamoDb;

[Collection(DynaliteCollection.Name)]
public sealed class DynamoDbTableStatusClientTests(DynaliteFixture fixture)
{
    [Fact]
    public async Task GetTableStatusAsync_ExistingTable_ReturnsActive()
    {
        var table = await fixture.CreateWriterControlTableAsync();
        var sut = new DynamoDbTableStatusClient(fixture.Clients);

        Assert.Equal("ACTIVE", await sut.GetTableStatusAsync(DynaliteFixture.Region, table, CancellationToken.None));
    }

    [Fact]
    public async Task GetTableStatusAsync_MissingTable_ReturnsNull()
    {
        var sut = new DynamoDbTableStatusClient(fixture.Clients);

        Assert.Null(await sut.GetTableStatusAsync(DynaliteFixture.Region, DynaliteFixture.UniqueName("missing"), CancellationToken.None));
    }
}
