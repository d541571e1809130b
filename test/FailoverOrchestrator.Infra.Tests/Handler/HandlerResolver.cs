using System.Reflection;

namespace FailoverOrchestrator.Infra.Tests.Handler;

/// <summary>
/// Resolves a handler string the way the managed .NET runtime's <c>bootstrap.net8.sh</c> (aws/aws-lambda-dotnet,
/// Amazon.Lambda.RuntimeSupport) does, and says what is wrong with it. A handler without <c>:</c> names an executable
/// assembly, started as <c>dotnet exec /var/task/&lt;handler&gt;.dll</c>, which must serve the Runtime API itself: here,
/// the function assembly with its entry point. A class-library handler (<c>Assembly::Type::Method</c>) is started
/// through <c>/var/runtime/Amazon.Lambda.RuntimeSupport.dll</c>, which loads Amazon.Lambda.Core from the function's
/// own bundle: this function ships none, so that path dies before the first event.
/// </summary>
internal static class HandlerResolver
{
    /// <summary>Returns null when the managed runtime would start <paramref name="assembly"/>'s Runtime API loop, else why it would
    /// not.</summary>
    public static string? Explain(string handler, Assembly assembly)
    {
        if (handler.Contains(':', StringComparison.Ordinal))
        {
            return $"'{handler}' is a class-library handler: the runtime would start Amazon.Lambda.RuntimeSupport, which needs "
                + $"Amazon.Lambda.Core in the bundle; " +
                $"use the executable handler '{assembly.GetName().Name}'.";
        }

        var name = handler.EndsWith(".dll", StringComparison.Ordinal) ? handler[..^4] : handler;
        if (name != assembly.GetName().Name)
        {
            return $"the runtime would run /var/task/{name}.dll, which is not {assembly.GetName().Name}.dll.";
        }

        if (assembly.EntryPoint is null)
        {
            return $"{assembly.GetName().Name}.dll has no entry point: `dotnet exec` cannot run it.";
        }

        return null;
    }
}
