namespace Outpost.Trust.Tuf.Metadata;

public static class MetadataParser
{
    /// <summary>Parses without verifying any signature; <c>Client.TrustedMetadataSet</c> does the verifying.</summary>
    /// <param name="bytes">The metadata file as downloaded or read from disk.</param>
    /// <param name="role">The role name used in errors (a delegated role's name for delegated targets).</param>
    public static TufMetadata<T> Parse<T>(ReadOnlyMemory<byte> bytes, string? role = null)
        where T : TufSigned, ITufRole<T>
    {
        role ??= T.TypeName;
        var envelope = TufEnvelope.Parse(bytes, role);
        return new TufMetadata<T>(T.Parse(envelope.SignedElement, role), envelope);
    }
}
