using LibGit2Sharp;

namespace Releng.Jobs.Sandbox.DistGit;

/// <summary>
/// An in-memory object store put in front of a repository's own while a history is written, so its objects reach
/// the disk as one pack (two files) instead of two file-system entries per loose object: creating files is what
/// seeding thousands of repositories spends its time on.
/// </summary>
internal sealed class PendingObjects : OdbBackend
{
    private readonly Dictionary<ObjectId, (ObjectType Type, byte[] Data)> _objects = [];

    public IReadOnlyCollection<ObjectId> Ids => _objects.Keys;

    protected override OdbBackendOperations SupportedOperations =>
        OdbBackendOperations.Read | OdbBackendOperations.ReadHeader | OdbBackendOperations.Write | OdbBackendOperations.Exists;

    public override int Read(ObjectId id, out UnmanagedMemoryStream data, out ObjectType objectType)
    {
        if (_objects.TryGetValue(id, out var found))
        {
            data = AllocateAndBuildFrom(found.Data);
            objectType = found.Type;
            return (int)ReturnCode.GIT_OK;
        }
        data = null!;
        objectType = default;
        return (int)ReturnCode.GIT_ENOTFOUND;
    }

    public override int ReadHeader(ObjectId id, out int length, out ObjectType objectType)
    {
        if (_objects.TryGetValue(id, out var found))
        {
            length = found.Data.Length;
            objectType = found.Type;
            return (int)ReturnCode.GIT_OK;
        }
        length = 0;
        objectType = default;
        return (int)ReturnCode.GIT_ENOTFOUND;
    }

    public override int Write(ObjectId id, Stream dataStream, long length, ObjectType objectType)
    {
        var data = new byte[length];
        dataStream.ReadExactly(data);
        _objects[id] = (objectType, data);
        return (int)ReturnCode.GIT_OK;
    }

    public override bool Exists(ObjectId id) => _objects.ContainsKey(id);

    public override int ReadPrefix(string shortSha, out ObjectId oid, out UnmanagedMemoryStream data, out ObjectType objectType) =>
        throw new NotSupportedException();

    public override int ReadStream(ObjectId id, out OdbBackendStream stream) => throw new NotSupportedException();

    public override int WriteStream(long length, ObjectType objectType, out OdbBackendStream stream) => throw new NotSupportedException();

    public override int ExistsPrefix(string shortSha, out ObjectId found) => throw new NotSupportedException();

    public override int ForEach(ForEachCallback callback) => throw new NotSupportedException();
}
