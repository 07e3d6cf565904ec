package io.mli.common.vector.milvus;

import io.milvus.v2.client.MilvusClientV2;
import io.milvus.v2.common.ConsistencyLevel;
import io.milvus.v2.service.collection.request.CreateCollectionReq;
import io.milvus.v2.service.collection.request.DropCollectionReq;
import io.milvus.v2.service.collection.request.HasCollectionReq;
import io.milvus.v2.service.collection.request.LoadCollectionReq;
import io.milvus.v2.service.utility.request.AlterAliasReq;
import io.milvus.v2.service.utility.request.CreateAliasReq;
import io.milvus.v2.service.utility.request.DescribeAliasReq;
import io.milvus.v2.service.vector.request.InsertReq;
import io.milvus.v2.exception.MilvusClientException;
import io.mli.common.embed.Embedder;
import io.mli.common.vector.ProductRecord;
import com.google.gson.JsonObject;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Builds product collections and switches the alias searches use, so that a rebuild never shows a half-built index
 * (the loader API behind {@code mli kb build --store milvus}).
 *
 * <pre>{@code
 * try (MilvusCollections milvus = MilvusCollections.connect(MilvusSettings.of(uri, token, "mli_products"), embedder)) {
 *     MilvusCollections.Rebuild r = milvus.rebuild(records, "mli_products", keepPrevious);
 *     // r.collection() = "mli_products_v20261126T093000Z", r.previous() = the one the alias pointed to before
 * }
 * }</pre>
 *
 * A rebuild creates {@code <alias>_v<UTC timestamp>}, inserts every record (embedding titles that have no vector),
 * builds the indexes, loads it, then points the alias at it (creating the alias the first time) and drops the
 * previous collection unless {@code keepPrevious}. If anything fails before the switch, the new collection is dropped
 * and the alias still serves the old one.
 */
public final class MilvusCollections implements AutoCloseable {
    private static final int INSERT_BATCH = 1000;
    private static final DateTimeFormatter VERSION = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    /** The outcome of a rebuild: the new collection, the one the alias pointed to before (or null), rows loaded. */
    public record Rebuild(String alias, String collection, String previous, boolean previousDropped, long rows) {
    }

    private final MilvusClientV2 client;
    private final boolean ownsClient;
    private final MilvusSettings settings;
    private final Embedder embedder;
    private final Clock clock;

    public MilvusCollections(MilvusClientV2 client, MilvusSettings settings, Embedder embedder, Clock clock) {
        this(client, false, settings, embedder, clock);
    }

    private MilvusCollections(MilvusClientV2 client, boolean ownsClient, MilvusSettings settings, Embedder embedder,
                              Clock clock) {
        this.client = client;
        this.ownsClient = ownsClient;
        this.settings = settings;
        this.embedder = embedder;
        this.clock = clock;
    }

    /** Connects with the settings' timeouts and retries; the client is closed with this object. */
    public static MilvusCollections connect(MilvusSettings settings, Embedder embedder) {
        return new MilvusCollections(MilvusConnections.open(settings), true, settings, embedder, Clock.systemUTC());
    }

    /** Loads {@code records} into a new versioned collection and switches {@code alias} to it. */
    public Rebuild rebuild(List<ProductRecord> records, String alias, boolean keepPrevious) {
        List<JsonObject> rows = new ArrayList<>(records.size());
        for (ProductRecord p : records) {
            rows.add(MilvusVectorStore.row(p, embedder)); // fail on bad input before creating anything
        }
        try {
            if (client.hasCollection(HasCollectionReq.builder().collectionName(alias).build())
                    && aliasTarget(alias) == null) {
                throw new IllegalStateException("'" + alias + "' is a collection, not an alias; rebuilds switch an "
                        + "alias, so rename or drop that collection first (or choose another --milvus-collection)");
            }
            String previous = aliasTarget(alias);
            String name = alias + "_v" + VERSION.format(clock.instant());
            if (name.equals(previous)) {
                name = name + "_2";
            }
            create(name);
            try {
                for (int i = 0; i < rows.size(); i += INSERT_BATCH) {
                    client.insert(InsertReq.builder().collectionName(name)
                            .data(rows.subList(i, Math.min(rows.size(), i + INSERT_BATCH))).build());
                }
                client.loadCollection(LoadCollectionReq.builder().collectionName(name).sync(true)
                        .timeout(Math.max(120_000L, settings.rpcTimeoutMs())).build());
            } catch (RuntimeException e) {
                drop(name);
                throw e;
            }
            if (previous == null) {
                client.createAlias(CreateAliasReq.builder().collectionName(name).alias(alias).build());
            } else {
                client.alterAlias(AlterAliasReq.builder().collectionName(name).alias(alias).build());
            }
            boolean dropped = false;
            if (previous != null && !keepPrevious) {
                drop(previous);
                dropped = true;
            }
            return new Rebuild(alias, name, previous, dropped, rows.size());
        } catch (MilvusClientException e) {
            throw new IllegalStateException("Milvus rebuild of '" + alias + "' failed: " + e.getMessage(), e);
        }
    }

    /** Creates an empty products collection named {@code name} (schema, indexes, embedder properties), loaded. */
    public void create(String name) {
        client.createCollection(CreateCollectionReq.builder().collectionName(name)
                .description("mli products, embedder " + embedder.id())
                .collectionSchema(MilvusSchema.schema(embedder.dimension(), settings))
                .indexParams(MilvusSchema.indexes(settings))
                .consistencyLevel(ConsistencyLevel.BOUNDED)
                .properties(Map.of(MilvusSchema.EMBEDDER_ID, embedder.id(),
                        MilvusSchema.EMBEDDER_DIMENSION, Integer.toString(embedder.dimension())))
                .build());
    }

    /** The collection an alias points to, or null when there is no such alias. */
    public String aliasTarget(String alias) {
        try {
            String target = client.describeAlias(DescribeAliasReq.builder().alias(alias).build()).getCollectionName();
            return target == null || target.isEmpty() ? null : target;
        } catch (MilvusClientException e) {
            // Milvus answers a missing alias with a server error; transport failures are real failures.
            if (e.getErrorCode() == io.milvus.v2.exception.ErrorCode.RPC_ERROR
                    || e.getErrorCode() == io.milvus.v2.exception.ErrorCode.TIMEOUT) {
                throw e;
            }
            return null;
        }
    }

    private void drop(String name) {
        client.dropCollection(DropCollectionReq.builder().collectionName(name).build());
    }

    @Override
    public void close() {
        if (ownsClient) {
            client.close();
        }
    }
}
