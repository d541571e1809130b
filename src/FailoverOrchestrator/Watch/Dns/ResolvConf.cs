using System.Net;

namespace FailoverOrchestrator.Watch.Dns;

/// <summary>
/// The resolver a function uses by default: the first <c>nameserver</c> line of /etc/resolv.conf (resolv.conf(5)), which
/// Lambda writes for each execution environment (the VPC's resolver when the function is attached to a VPC).
/// </summary>
internal static class ResolvConf
{
    public const string Path = "/etc/resolv.conf";

    /// <summary>The first name server in <paramref name="lines"/>, on port 53; null when none is an IP address.</summary>
    public static IPEndPoint? FirstNameserver(IEnumerable<string> lines)
    {
        foreach (var line in lines)
        {
            var fields = line.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length >= 2 && fields[0] == "nameserver" && IPAddress.TryParse(fields[1].Split('%')[0], out var address))
            {
                return new IPEndPoint(address, 53);
            }
        }

        return null;
    }

    /// <summary>The first name server of the file, or null when it is missing, unreadable or names none.</summary>
    public static IPEndPoint? Read(string path = Path)
    {
        try
        {
            return File.Exists(path) ? FirstNameserver(File.ReadLines(path)) : null;
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}
