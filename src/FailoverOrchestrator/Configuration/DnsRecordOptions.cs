using FailoverOrchestrator.Configuration.Validation;

namespace FailoverOrchestrator.Configuration;

/// <summary>The Route 53 record that points clients at the active region.</summary>
public sealed class DnsRecordOptions
{
    /// <summary>Gets or sets the hosted zone id (with or without <c>/hostedzone/</c>).</summary>
    [SettingRequired]
    public string HostedZoneId { get; set; } = string.Empty;

    /// <summary>Gets or sets the zone's apex name, for example <c>example.com</c>; used to refuse a CNAME at the apex.</summary>
    [SettingRequired]
    public string ZoneName { get; set; } = string.Empty;

    /// <summary>Gets or sets the record name, for example <c>api.example.com</c>.</summary>
    [SettingRequired]
    public string RecordName { get; set; } = string.Empty;

    /// <summary>Gets or sets the record type: A or AAAA (alias to the ALB) or CNAME.</summary>
    /// <value>Defaults to A.</value>
    [SettingRequired]
    [SettingPattern("^(A|AAAA|CNAME)$", ErrorMessage = "{0}: '{1}' is not A, AAAA (alias to the load balancer) or CNAME")]
    public string RecordType { get; set; } = "A";

    /// <summary>Gets or sets how the DNS step moves traffic: by changing this record, or by flipping routing controls.</summary>
    /// <value>Defaults to <see cref="DnsStrategy.RecordChange"/>.</value>
    public DnsStrategy Strategy { get; set; } = DnsStrategy.RecordChange;

    /// <summary>Gets or sets the TTL of a CNAME; must be unset for an alias record.</summary>
    public long? Ttl { get; set; }
}
