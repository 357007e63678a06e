package eu.clusternews.serve.http;

import static eu.clusternews.serve.http.Answers.require;

import java.util.List;
import java.util.Map;
import java.util.Set;

import eu.clusternews.serve.query.ActivityKind;
import eu.clusternews.serve.query.ActivityQueries;
import eu.clusternews.serve.query.EventQuery;
import eu.clusternews.serve.query.ListingLimit;
import eu.clusternews.serve.query.NewsQuery;
import io.javalin.Javalin;
import io.javalin.http.Context;

/** The JSON API under {@code /api}: listings, entity details, news and events (API.md documents the shapes). */
final class ApiRoutes {

    private static final Set<String> NEWS_PARAMETERS =
            Set.of("cluster", "consortium", "from", "until", "kind", "limit");
    private static final Set<String> EVENT_PARAMETERS =
            Set.of("cluster", "consortium", "programme", "kind", "from", "until", "language", "limit");

    /** The envelope of every listing. */
    record Listing<T>(int count, List<T> items) {
        static <T> Listing<T> of(List<T> items) {
            return new Listing<>(items.size(), items);
        }
    }

    private final ActivityQueries queries;
    private final EntityDetails details;

    ApiRoutes(ActivityQueries queries) {
        this.queries = queries;
        this.details = new EntityDetails(queries);
    }

    void register(Javalin app) {
        app.get("/api/clusters", this::clusters);
        app.get("/api/clusters/{id}", ctx -> ctx.json(details.cluster(id(ctx))));
        app.get("/api/consortia", this::consortia);
        app.get("/api/consortia/{id}", ctx -> ctx.json(details.consortium(id(ctx))));
        app.get("/api/programmes/{id}", ctx -> ctx.json(details.programme(id(ctx))));
        app.get("/api/news", this::news);
        app.get("/api/events", this::events);
        app.get("/api/events/{id}", ctx -> ctx.json(details.event(id(ctx))));
    }

    private void clusters(Context ctx) {
        ClusterListing listing =
                ClusterListing.from(new QueryParameters(ctx.queryParamMap(), ClusterListing.PARAMETERS));
        ctx.json(Listing.of(listing.apply(require(queries.allActivities(ActivityKind.CLUSTER))).stream()
                .map(Views::cluster)
                .toList()));
    }

    /** Every consortium known from reference data or news, by acronym. */
    private void consortia(Context ctx) {
        new QueryParameters(ctx.queryParamMap(), Set.of());
        var activities = require(queries.allActivities(ActivityKind.CONSORTIUM));
        java.util.TreeSet<String> ids = new java.util.TreeSet<>();
        require(queries.allConsortiumReferences()).forEach(c -> ids.add(c.getId()));
        activities.forEach(a -> ids.add(a.getConsortiumId()));
        ctx.json(Listing.of(ids.stream()
                .map(details::consortiumListed)
                .sorted(java.util.Comparator.comparing(Views.ConsortiumView::acronym, String.CASE_INSENSITIVE_ORDER))
                .toList()));
    }

    private void news(Context ctx) {
        QueryParameters parameters = new QueryParameters(ctx.queryParamMap(), NEWS_PARAMETERS);
        NewsQuery query = new NewsQuery(
                parameters.text("cluster"),
                parameters.text("consortium"),
                parameters.range(),
                parameters.kind("kind"),
                parameters.integer("limit", ListingLimit.DEFAULT, 1, ListingLimit.MAX));
        ctx.json(Listing.of(
                require(queries.news(query)).stream().map(Views::news).toList()));
    }

    private void events(Context ctx) {
        QueryParameters parameters = new QueryParameters(ctx.queryParamMap(), EVENT_PARAMETERS);
        EventQuery query = new EventQuery(
                parameters.text("cluster"),
                parameters.text("consortium"),
                parameters.text("programme"),
                parameters.kind("kind"),
                parameters.range(),
                parameters.language("language"),
                parameters.integer("limit", ListingLimit.DEFAULT, 1, ListingLimit.MAX));
        ctx.json(Listing.of(details.events(query)));
    }

    private static String id(Context ctx) {
        String id = ctx.pathParam("id");
        if (id.isBlank() || id.length() > 200) {
            throw new BadRequestException("an id must be 1 to 200 characters, like org:bnpt");
        }
        return id;
    }

    /** The JSON body of every error answer. */
    record ErrorBody(String error, String message) {
        static Map<String, Object> withRetry(String message, long retryAfterSeconds) {
            return Map.of("error", "unavailable", "message", message, "retryAfterSeconds", retryAfterSeconds);
        }
    }
}
