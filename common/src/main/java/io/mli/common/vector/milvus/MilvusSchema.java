package io.mli.common.vector.milvus;

import io.milvus.common.clientenum.FunctionType;
import io.milvus.v2.common.DataType;
import io.milvus.v2.common.IndexParam;
import io.milvus.v2.service.collection.request.AddFieldReq;
import io.milvus.v2.service.collection.request.CreateCollectionReq;
import java.util.List;
import java.util.Map;

/**
 * The products collection: field names, schema and index parameters. One place, so the store, the loader and the
 * tests agree.
 *
 * <pre>
 *   id            VarChar(256), primary key (the product id)
 *   brand_id      VarChar(256)
 *   brand         VarChar(512)
 *   title         VarChar(2048), analysed (ICU by default) as the input of the BM25 function
 *   category      VarChar(1024), the path "A /// B /// C"
 *   category_path Array&lt;VarChar&gt; of the path and its ancestors, filtered with array_contains
 *   language      VarChar(32)
 *   vector        FloatVector(dim), HNSW index (metric, M, efConstruction from the settings)
 *   sparse        SparseFloatVector, output of the BM25 function over title; SPARSE_INVERTED_INDEX, metric BM25
 * </pre>
 * The collection's properties record the embedder ({@code mli.embedder.id}, {@code mli.embedder.dimension}).
 */
public final class MilvusSchema {
    public static final String ID = "id";
    public static final String BRAND_ID = "brand_id";
    public static final String BRAND = "brand";
    public static final String TITLE = "title";
    public static final String CATEGORY = "category";
    public static final String CATEGORY_PATH = "category_path";
    public static final String LANGUAGE = "language";
    public static final String VECTOR = "vector";
    public static final String SPARSE = "sparse";
    public static final String BM25_FUNCTION = "title_bm25";
    public static final String EMBEDDER_ID = "mli.embedder.id";
    public static final String EMBEDDER_DIMENSION = "mli.embedder.dimension";
    /** Scalar fields returned with every hit, plus the vector for exact similarities. */
    public static final List<String> OUTPUT_FIELDS = List.of(ID, BRAND_ID, BRAND, TITLE, CATEGORY, LANGUAGE, VECTOR);
    static final int MAX_TITLE = 2048;

    private MilvusSchema() {
    }

    public static CreateCollectionReq.CollectionSchema schema(int dimension, MilvusSettings s) {
        CreateCollectionReq.CollectionSchema schema = CreateCollectionReq.CollectionSchema.builder().build();
        schema.addField(AddFieldReq.builder().fieldName(ID).dataType(DataType.VarChar).maxLength(256)
                .isPrimaryKey(true).autoID(false).build());
        schema.addField(AddFieldReq.builder().fieldName(BRAND_ID).dataType(DataType.VarChar).maxLength(256).build());
        schema.addField(AddFieldReq.builder().fieldName(BRAND).dataType(DataType.VarChar).maxLength(512).build());
        schema.addField(AddFieldReq.builder().fieldName(TITLE).dataType(DataType.VarChar).maxLength(MAX_TITLE)
                .enableAnalyzer(true).analyzerParams(s.analyzerParams()).build());
        schema.addField(AddFieldReq.builder().fieldName(CATEGORY).dataType(DataType.VarChar).maxLength(1024).build());
        schema.addField(AddFieldReq.builder().fieldName(CATEGORY_PATH).dataType(DataType.Array)
                .elementType(DataType.VarChar).maxLength(1024).maxCapacity(16).build());
        schema.addField(AddFieldReq.builder().fieldName(LANGUAGE).dataType(DataType.VarChar).maxLength(32).build());
        schema.addField(AddFieldReq.builder().fieldName(VECTOR).dataType(DataType.FloatVector).dimension(dimension)
                .build());
        schema.addField(AddFieldReq.builder().fieldName(SPARSE).dataType(DataType.SparseFloatVector).build());
        schema.addFunction(CreateCollectionReq.Function.builder().name(BM25_FUNCTION).functionType(FunctionType.BM25)
                .inputFieldNames(List.of(TITLE)).outputFieldNames(List.of(SPARSE)).build());
        return schema;
    }

    public static List<IndexParam> indexes(MilvusSettings s) {
        return List.of(
                IndexParam.builder().fieldName(VECTOR).indexName(VECTOR).indexType(IndexParam.IndexType.HNSW)
                        .metricType(IndexParam.MetricType.valueOf(s.metric()))
                        .extraParams(Map.of("M", s.hnswM(), "efConstruction", s.efConstruction())).build(),
                IndexParam.builder().fieldName(SPARSE).indexName(SPARSE)
                        .indexType(IndexParam.IndexType.SPARSE_INVERTED_INDEX)
                        .metricType(IndexParam.MetricType.BM25).build());
    }
}
