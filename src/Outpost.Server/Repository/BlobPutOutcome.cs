namespace Outpost.Server.Repository;

internal enum BlobPutOutcome
{
    Stored,
    HashMismatch,
    TooLarge,
}
