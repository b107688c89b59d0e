namespace Outpost.Server.Dashboard.Views;

/// <summary>A public key a role trusts, as the current root lists it; <see cref="SignedTargets"/> when it signed the current targets.</summary>
public sealed record SigningKeyView(string KeyId, string KeyType, string Scheme, bool SignedTargets);
