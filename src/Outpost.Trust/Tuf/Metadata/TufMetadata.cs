namespace Outpost.Trust.Tuf.Metadata;

#pragma warning disable CA1720 // "signed" is the TUF field name (TUF 4.2); renaming it would hide the mapping.

/// <summary>A parsed metadata file: the typed "signed" object and the envelope whose signatures cover it.</summary>
public sealed record TufMetadata<T>(T Signed, TufEnvelope Envelope)
    where T : TufSigned, ITufRole<T>;
