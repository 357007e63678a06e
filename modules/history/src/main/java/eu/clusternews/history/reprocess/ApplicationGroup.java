package eu.clusternews.history.reprocess;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

import eu.clusternews.history.HistoryAdmin;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListStreamsGroupOffsetsSpec;
import org.apache.kafka.clients.admin.StreamsGroupDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.GroupType;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;

/**
 * The group of a Kafka Streams application (group id = {@code application.id}), of either protocol: the classic
 * consumer-group protocol Kafka Streams uses by default, or the streams protocol of KIP-1071
 * ({@code group.protocol=streams}). Who is in it, what it committed, and resetting what it committed.
 */
final class ApplicationGroup {

    private final HistoryAdmin history;
    private final Admin admin;
    private final String groupId;

    ApplicationGroup(HistoryAdmin admin, String groupId) {
        this.history = admin;
        this.admin = admin.admin();
        this.groupId = groupId;
    }

    /** The group's type, empty when the group does not exist (the application never committed anything). */
    Optional<GroupType> type() {
        Collection<GroupListing> groups = get(admin.listGroups().all(), "list the groups");
        return groups.stream()
                .filter(g -> g.groupId().equals(groupId))
                .findFirst()
                .map(g -> g.type().orElse(GroupType.CLASSIC));
    }

    boolean isStreamsProtocol() {
        return type().filter(t -> t == GroupType.STREAMS).isPresent();
    }

    /** The running members, one line each (client id and host); empty when no instance runs. */
    List<String> activeMembers() {
        Optional<GroupType> type = type();
        if (type.isEmpty()) {
            return List.of();
        }
        if (type.get() == GroupType.STREAMS) {
            return members(
                    admin.describeStreamsGroups(List.of(groupId)).all(),
                    StreamsGroupDescription::members,
                    m -> m.clientId() + " on " + m.clientHost());
        }
        return members(
                admin.describeConsumerGroups(List.of(groupId)).all(),
                ConsumerGroupDescription::members,
                m -> m.clientId() + " on " + m.host());
    }

    /** The two protocols describe their groups and members in types of their own; the listing is the same. */
    private <D, M> List<String> members(
            KafkaFuture<Map<String, D>> described, Function<D, Collection<M>> members, Function<M, String> line) {
        return members.apply(get(described, "describe the group").get(groupId)).stream()
                .map(line)
                .toList();
    }

    /** Committed offsets by partition, sorted by topic then partition. */
    Map<TopicPartition, Long> committedOffsets() {
        Map<TopicPartition, OffsetAndMetadata> raw;
        if (type().isEmpty()) {
            return Map.of();
        }
        if (isStreamsProtocol()) {
            raw = get(
                    admin.listStreamsGroupOffsets(Map.of(groupId, new ListStreamsGroupOffsetsSpec()))
                            .partitionsToOffsetAndMetadata(groupId),
                    "list the committed offsets");
        } else {
            raw = get(
                    admin.listConsumerGroupOffsets(groupId).partitionsToOffsetAndMetadata(),
                    "list the committed offsets");
        }
        Map<TopicPartition, Long> offsets = new TreeMap<>(HistoryAdmin.BY_TOPIC_AND_PARTITION);
        raw.forEach((tp, om) -> {
            if (om != null) {
                offsets.put(tp, om.offset());
            }
        });
        return offsets;
    }

    /** Sets the committed offsets of these partitions (the group must have no members). */
    void commit(Map<TopicPartition, Long> offsets) {
        Map<TopicPartition, OffsetAndMetadata> request = new TreeMap<>(HistoryAdmin.BY_TOPIC_AND_PARTITION);
        offsets.forEach((tp, offset) -> request.put(tp, new OffsetAndMetadata(offset, "clusternews reprocess")));
        if (isStreamsProtocol()) {
            get(admin.alterStreamsGroupOffsets(groupId, request).all(), "reset the committed offsets");
        } else {
            get(admin.alterConsumerGroupOffsets(groupId, request).all(), "reset the committed offsets");
        }
    }

    /** Forgets the committed offsets of these partitions. */
    void forget(Set<TopicPartition> partitions) {
        if (partitions.isEmpty() || type().isEmpty()) {
            return;
        }
        if (isStreamsProtocol()) {
            get(admin.deleteStreamsGroupOffsets(groupId, partitions).all(), "delete committed offsets");
        } else {
            get(admin.deleteConsumerGroupOffsets(groupId, partitions).all(), "delete committed offsets");
        }
    }

    private <T> T get(KafkaFuture<T> future, String what) {
        return history.get(future, what + " of application " + groupId);
    }
}
