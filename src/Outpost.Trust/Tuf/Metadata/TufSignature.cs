namespace Outpost.Trust.Tuf.Metadata;

/// <summary>One entry of a metadata file's "signatures" list (TUF 4.2): the signing key id and the hex signature.</summary>
public sealed record TufSignature(string KeyId, string Sig);
