package eu.clusternews.pipeline.aggregate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import eu.clusternews.avro.ClusterActivity;
import eu.clusternews.avro.ConsortiumActivity;
import eu.clusternews.avro.Headline;
import eu.clusternews.avro.ProgrammeActivity;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecordBase;

/**
 * How an {@link Activity} is read from and written as one of the three activity records. The records share their
 * counted fields by name (newsCount, countsByMonth, recentHeadlines, ...); they differ in the id field and in the one
 * display detail (a cluster's country, a consortium's programme, a programme's parent), and only clusters count
 * roles. So one conversion, by field position, serves all three.
 */
public final class ActivityKind<A extends SpecificRecordBase> {

    public static final ActivityKind<ClusterActivity> CLUSTER =
            new ActivityKind<>(ClusterActivity.class, ClusterActivity.getClassSchema(), "clusterId", "country");
    public static final ActivityKind<ConsortiumActivity> CONSORTIUM = new ActivityKind<>(
            ConsortiumActivity.class, ConsortiumActivity.getClassSchema(), "consortiumId", "programmeId");
    public static final ActivityKind<ProgrammeActivity> PROGRAMME =
            new ActivityKind<>(ProgrammeActivity.class, ProgrammeActivity.getClassSchema(), "programmeId", "parentId");

    private final Class<A> type;
    private final Schema schema;
    private final int id;
    private final int name;
    private final int detail;
    private final int countsByRole;
    private final int newsCount;
    private final int firstPublishedAt;
    private final int lastPublishedAt;
    private final int undatedCount;
    private final int countsByKind;
    private final int countsByMonth;
    private final int eventCount;
    private final int eventsByMonth;
    private final int consortiumIds;
    private final int programmeIds;
    private final int clusterIds;
    private final int recentHeadlines;

    private ActivityKind(Class<A> type, Schema schema, String idField, String detailField) {
        this.type = type;
        this.schema = schema;
        this.id = position(idField);
        this.name = position("name");
        this.detail = position(detailField);
        this.countsByRole = schema.getField("countsByRole") != null ? position("countsByRole") : -1;
        this.newsCount = position("newsCount");
        this.firstPublishedAt = position("firstPublishedAt");
        this.lastPublishedAt = position("lastPublishedAt");
        this.undatedCount = position("undatedCount");
        this.countsByKind = position("countsByKind");
        this.countsByMonth = position("countsByMonth");
        this.eventCount = position("eventCount");
        this.eventsByMonth = position("eventsByMonth");
        this.consortiumIds = position("consortiumIds");
        this.programmeIds = position("programmeIds");
        this.clusterIds = position("clusterIds");
        this.recentHeadlines = position("recentHeadlines");
    }

    public Class<A> type() {
        return type;
    }

    /** The activity a record holds; null reads as nothing counted yet. */
    @SuppressWarnings("unchecked")
    public Activity read(A record) {
        Activity a = new Activity();
        if (record == null) {
            return a;
        }
        a.name = (String) record.get(name);
        a.detail = (String) record.get(detail);
        if (countsByRole >= 0) {
            a.countsByRole.addAll((Map<String, Long>) record.get(countsByRole));
        }
        a.newsCount = (Long) record.get(newsCount);
        a.firstPublishedAt = (LocalDate) record.get(firstPublishedAt);
        a.lastPublishedAt = (LocalDate) record.get(lastPublishedAt);
        a.undatedCount = (Long) record.get(undatedCount);
        a.countsByKind.addAll((Map<String, Long>) record.get(countsByKind));
        a.countsByMonth.addAll((Map<String, Long>) record.get(countsByMonth));
        a.eventCount = (Long) record.get(eventCount);
        a.eventsByMonth.addAll((Map<String, Long>) record.get(eventsByMonth));
        a.consortiumIds.addAll((Collection<String>) record.get(consortiumIds));
        a.programmeIds.addAll((Collection<String>) record.get(programmeIds));
        a.clusterIds.addAll((Collection<String>) record.get(clusterIds));
        a.recentHeadlines.addAll((Collection<Headline>) record.get(recentHeadlines));
        a.recentHeadlines.sort(Activity.RECENT_FIRST);
        return a;
    }

    /** The record of entity {@code entityId}'s activity: a snapshot that later updates of {@code a} do not change. */
    public A write(String entityId, Activity a) {
        @SuppressWarnings("unchecked")
        A record = (A) SpecificData.getForClass(type).newRecord(null, schema);
        record.put(id, entityId);
        record.put(name, a.name);
        record.put(detail, a.detail);
        if (countsByRole >= 0) {
            record.put(countsByRole, a.countsByRole.sorted());
        }
        record.put(newsCount, a.newsCount);
        record.put(firstPublishedAt, a.firstPublishedAt);
        record.put(lastPublishedAt, a.lastPublishedAt);
        record.put(undatedCount, a.undatedCount);
        record.put(countsByKind, a.countsByKind.sorted());
        record.put(countsByMonth, a.countsByMonth.sorted());
        record.put(eventCount, a.eventCount);
        record.put(eventsByMonth, a.eventsByMonth.sorted());
        record.put(consortiumIds, sorted(a.consortiumIds));
        record.put(programmeIds, sorted(a.programmeIds));
        record.put(clusterIds, sorted(a.clusterIds));
        record.put(recentHeadlines, new ArrayList<>(a.recentHeadlines));
        return record;
    }

    private static List<String> sorted(Collection<String> ids) {
        List<String> list = new ArrayList<>(ids);
        Collections.sort(list);
        return list;
    }

    private int position(String field) {
        Schema.Field f = schema.getField(field);
        if (f == null) {
            throw new IllegalArgumentException(schema.getFullName() + " has no field " + field);
        }
        return f.pos();
    }
}
