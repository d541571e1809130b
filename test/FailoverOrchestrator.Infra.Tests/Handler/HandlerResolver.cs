using System.Reflection;

namespace FailoverOrchestrator.Infra.Tests.Handler;

/// <summary>
/// Resolves a .NET Lambda handler string, <c>Assembly::Namespace.Type::Method</c>, the way the managed
/// runtime does, and says what is wrong with it: the assembly, a public type with a parameterless
/// constructor, and a public instance method taking a <see cref="Stream"/> and returning <c>Task&lt;Stream&gt;</c>.
/// </summary>
internal static class HandlerResolver
{
    /// <summary>Returns null when the handler resolves within <paramref name="assembly"/>, else why it does not.</summary>
    public static string? Explain(string handler, Assembly assembly)
    {
        var parts = handler.Split("::");
        if (parts.Length != 3)
        {
            return $"'{handler}' is not Assembly::Type::Method.";
        }

        if (parts[0] != assembly.GetName().Name)
        {
            return $"assembly '{parts[0]}' is not {assembly.GetName().Name}.";
        }

        var type = assembly.GetType(parts[1]);
        if (type is not { IsPublic: true, IsAbstract: false } || type.GetConstructor(Type.EmptyTypes) is null)
        {
            return $"'{parts[1]}' is not a public type with a parameterless constructor.";
        }

        var method = type.GetMethods(BindingFlags.Public | BindingFlags.Instance).SingleOrDefault(m => m.Name == parts[2]);
        if (method is null)
        {
            return $"{type.Name} has no single public instance method '{parts[2]}'.";
        }

        var parameters = method.GetParameters();
        if (method.ReturnType != typeof(Task<Stream>) || parameters.Length != 1 || parameters[0].ParameterType != typeof(Stream))
        {
            return $"{type.Name}.{method.Name} must take a Stream and return Task<Stream>.";
        }

        return null;
    }
}
