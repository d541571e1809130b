using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using System.Runtime.ExceptionServices;
using Amazon.DynamoDBv2;

namespace FailoverOrchestrator.IntegrationTests.ExactlyOnce;

/// <summary>An <see cref="IAmazonDynamoDB"/> that records each operation and its table, then forwards it to the real client.</summary>
[SuppressMessage("Performance", "CA1852", Justification = "DispatchProxy derives a type from this one at run time.")]
internal class CountingDynamoDbProxy : DispatchProxy
{
    private IAmazonDynamoDB? _inner;
    private DynamoDbCallCounter? _counter;

    public static IAmazonDynamoDB Create(IAmazonDynamoDB inner, DynamoDbCallCounter counter)
    {
        var proxy = Create<IAmazonDynamoDB, CountingDynamoDbProxy>();
        var self = (CountingDynamoDbProxy)(object)proxy;
        self._inner = inner;
        self._counter = counter;
        return proxy;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        if (targetMethod.Name.EndsWith("Async", StringComparison.Ordinal) && args is [AmazonDynamoDBRequest request, ..])
        {
            var table = request.GetType().GetProperty("TableName")?.GetValue(request) as string ?? "-";
            _counter!.Record(targetMethod.Name[..^"Async".Length], table);
        }

        try
        {
            return targetMethod.Invoke(_inner, args);
        }
        catch (TargetInvocationException ex) when (ex.InnerException is not null)
        {
            ExceptionDispatchInfo.Capture(ex.InnerException).Throw();
            throw;
        }
    }
}
