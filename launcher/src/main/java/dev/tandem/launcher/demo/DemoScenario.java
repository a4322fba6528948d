package dev.tandem.launcher.demo;

import dev.tandem.events.TouchpointInput;
import dev.tandem.model.TouchpointSource;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A small B2B buying story, told over six weeks by marketing and sales tools:
 * <ul>
 *   <li><b>Acme Robotics</b> — a broad committee: a director champions warehouse automation, an enterprise
 *       architect evaluates it, the CFO builds the business case, procurement negotiates, and two end users try
 *       it. High momentum.</li>
 *   <li><b>Globex Logistics</b> — one enthusiastic head of supply chain and nobody else: busy, but momentum stays
 *       low because a committee of one does not buy.</li>
 *   <li><b>Initech</b> — a smaller, early opportunity: a VP and the IT manager.</li>
 * </ul>
 * Event ids are fixed, so sending the scenario again changes nothing. Times are days before "now" (to the
 * hour), so the story is always recent and never in the future.
 */
public final class DemoScenario {

    /** A demo account. */
    public record Account(String accountKey, String displayName) {
    }

    /** A person on a buying committee. */
    public record Contact(String email, String name, String title) {
    }

    /** One touchpoint of the story, happening {@code before} the scenario's anchor time. */
    public record Step(String eventId, Account account, Contact contact, String type, TouchpointSource source,
            Duration before, Map<String, Object> properties) {
    }

    public static final Account ACME = new Account("acme-robotics", "Acme Robotics");
    public static final Account GLOBEX = new Account("globex-logistics", "Globex Logistics");
    public static final Account INITECH = new Account("initech", "Initech");
    public static final Account UMBRELLA = new Account("umbrella-foods", "Umbrella Foods");
    public static final Account STARK = new Account("stark-retail", "Stark Retail");

    private static final Contact MARIA = new Contact("maria.chen@acme-robotics.example.com", "Maria Chen",
            "Chief Financial Officer");
    private static final Contact LI = new Contact("li.wong@acme-robotics.example.com", "Li Wong",
            "Director of Operations");
    private static final Contact SAM = new Contact("sam.ortiz@acme-robotics.example.com", "Sam Ortiz",
            "Enterprise Architect");
    private static final Contact PRIYA = new Contact("priya.natarajan@acme-robotics.example.com", "Priya Natarajan",
            "Procurement Manager");
    private static final Contact TOM = new Contact("tom.becker@acme-robotics.example.com", "Tom Becker",
            "Operations Analyst");
    private static final Contact JANA = new Contact("jana.novak@acme-robotics.example.com", "Jana Novak",
            "Warehouse Team Lead");
    private static final Contact DANIEL = new Contact("daniel.park@globex-logistics.example.com", "Daniel Park",
            "Head of Supply Chain");
    private static final Contact ANA = new Contact("ana.silva@initech.example.com", "Ana Silva", "VP Operations");
    private static final Contact GRACE = new Contact("grace.okafor@umbrella-foods.example.com", "Grace Okafor",
            "Chief Financial Officer");
    private static final Contact OMAR = new Contact("omar.haddad@umbrella-foods.example.com", "Omar Haddad",
            "Director of Logistics");
    private static final Contact LENA = new Contact("lena.fischer@stark-retail.example.com", "Lena Fischer",
            "Director of Operations");
    private static final Contact VIKRAM = new Contact("vikram.rao@stark-retail.example.com", "Vikram Rao",
            "Chief Financial Officer");
    private static final Contact RAVI = new Contact("ravi.kumar@initech.example.com", "Ravi Kumar", "IT Manager");

    private static final TouchpointSource MARKETING = TouchpointSource.MARKETING;
    private static final TouchpointSource SALES = TouchpointSource.SALES;
    private static final TouchpointSource PRODUCT = TouchpointSource.PRODUCT;

    private final List<Step> steps = new ArrayList<>();

    private DemoScenario() {
        acmeRobotics();
        globexLogistics();
        initech();
        umbrellaFoods();
        starkRetail();
    }

    public static DemoScenario standard() {
        return new DemoScenario();
    }

    private void acmeRobotics() {
        step(ACME, LI, "content.downloaded", MARKETING, 42, 10, Map.of("asset", "Warehouse automation ROI guide"));
        step(ACME, LI, "webinar.registered", MARKETING, 40, 14, Map.of("webinar", "Robotics in the 24/7 warehouse"));
        step(ACME, LI, "webinar.attended", MARKETING, 38, 16, Map.of("webinar", "Robotics in the 24/7 warehouse"));
        step(ACME, TOM, "web.visited", MARKETING, 36, 9, Map.of("page", "/solutions/picking"));
        step(ACME, LI, "demo.requested", MARKETING, 35, 11, Map.of("form", "Book a demo"));
        step(ACME, LI, "meeting.held", SALES, 33, 15, Map.of("meeting", "Discovery call"));
        step(ACME, SAM, "content.downloaded", MARKETING, 30, 10, Map.of("asset", "Integration architecture whitepaper"));
        step(ACME, SAM, "meeting.held", SALES, 28, 14, Map.of("meeting", "Technical deep dive: WMS integration"));
        step(ACME, MARIA, "webinar.attended", MARKETING, 21, 16, Map.of("webinar", "The CFO's guide to automation TCO"));
        step(ACME, MARIA, "pricing.viewed", MARKETING, 18, 20, Map.of("page", "/pricing"));
        step(ACME, SAM, "security.review", SALES, 14, 11, Map.of("questionnaire", "Vendor security assessment"));
        step(ACME, TOM, "trial.started", PRODUCT, 12, 9, Map.of("workspace", "acme-pilot"));
        step(ACME, JANA, "trial.started", PRODUCT, 11, 8, Map.of("workspace", "acme-pilot"));
        step(ACME, LI, "email.replied", SALES, 10, 13, Map.of("thread", "Pilot results"));
        step(ACME, MARIA, "meeting.held", SALES, 7, 15, Map.of("meeting", "Business case review"));
        step(ACME, JANA, "webinar.attended", MARKETING, 6, 16, Map.of("webinar", "Picking accuracy best practices"));
        step(ACME, MARIA, "proposal.sent", SALES, 5, 10, Map.of("proposal", "Acme pilot to rollout, 3 sites"));
        step(ACME, LI, "content.shared", MARKETING, 3, 12, Map.of("asset", "Business case one-pager"));
        step(ACME, PRIYA, "meeting.held", SALES, 2, 14, Map.of("meeting", "Commercial terms"));
        step(ACME, MARIA, "proposal.viewed", SALES, 1, 9, Map.of("proposal", "Acme pilot to rollout, 3 sites"));
    }

    private void globexLogistics() {
        step(GLOBEX, DANIEL, "email.opened", MARKETING, 30, 8, Map.of("campaign", "Peak season readiness"));
        step(GLOBEX, DANIEL, "email.clicked", MARKETING, 30, 7, Map.of("campaign", "Peak season readiness"));
        step(GLOBEX, DANIEL, "content.downloaded", MARKETING, 24, 15, Map.of("asset", "Warehouse automation ROI guide"));
        step(GLOBEX, DANIEL, "webinar.attended", MARKETING, 17, 16, Map.of("webinar", "Robotics in the 24/7 warehouse"));
        step(GLOBEX, DANIEL, "demo.requested", MARKETING, 9, 10, Map.of("form", "Book a demo"));
        step(GLOBEX, DANIEL, "call.connected", SALES, 8, 14, Map.of("call", "Intro call"));
        step(GLOBEX, DANIEL, "email.replied", SALES, 4, 11, Map.of("thread", "Next steps"));
    }

    private void initech() {
        step(INITECH, RAVI, "ad.clicked", MARKETING, 15, 13, Map.of("campaign", "Automation for mid-size DCs"));
        step(INITECH, RAVI, "form.submitted", MARKETING, 15, 12, Map.of("form", "Contact sales"));
        step(INITECH, ANA, "call.connected", SALES, 12, 10, Map.of("call", "Qualification"));
        step(INITECH, ANA, "demo.requested", MARKETING, 6, 15, Map.of("form", "Book a demo"));
        step(INITECH, RAVI, "meeting.held", SALES, 3, 11, Map.of("meeting", "Product demo"));
    }

    /** Won: the seller used marketing's ROI guide and business case; the CFO says why they bought. */
    private void umbrellaFoods() {
        step(UMBRELLA, OMAR, "content.downloaded", MARKETING, 27, 10, Map.of("campaign", "Peak season readiness",
                "asset", "Warehouse automation ROI guide"));
        step(UMBRELLA, OMAR, "webinar.attended", MARKETING, 24, 16, Map.of("campaign", "Peak season readiness",
                "webinar", "Robotics in the 24/7 warehouse"));
        step(UMBRELLA, OMAR, "demo.requested", MARKETING, 22, 11, Map.of("form", "Book a demo"));
        step(UMBRELLA, OMAR, "meeting.held", SALES, 20, 14, Map.of("meeting", "Discovery call",
                "asset", "Business case one-pager"));
        step(UMBRELLA, GRACE, "meeting.held", SALES, 15, 15, Map.of("meeting", "Business case review",
                "asset", "Warehouse automation ROI guide"));
        step(UMBRELLA, GRACE, "pricing.viewed", MARKETING, 12, 20, Map.of("page", "/pricing"));
        step(UMBRELLA, GRACE, "proposal.sent", SALES, 8, 10, Map.of("proposal", "Umbrella rollout, 2 sites"));
        step(UMBRELLA, GRACE, "proposal.viewed", SALES, 7, 9, Map.of("proposal", "Umbrella rollout, 2 sites"));
        step(UMBRELLA, GRACE, "deal.won", SALES, 4, 12, Map.of("reasons", List.of("clear roi", "fast integration"),
                "reportedBy", "buyer"));
    }

    /** Lost: the seller's CRM says price; the CFO's win/loss interview says the committee never agreed. */
    private void starkRetail() {
        step(STARK, LENA, "ad.clicked", MARKETING, 26, 13, Map.of("campaign", "Automation for mid-size DCs"));
        step(STARK, LENA, "content.downloaded", MARKETING, 23, 15, Map.of("asset",
                "Integration architecture whitepaper"));
        step(STARK, LENA, "call.connected", SALES, 20, 10, Map.of("call", "Qualification"));
        step(STARK, LENA, "meeting.held", SALES, 16, 11, Map.of("meeting", "Product demo",
                "asset", "Integration architecture whitepaper"));
        step(STARK, VIKRAM, "email.replied", SALES, 9, 14, Map.of("thread", "Budget"));
        step(STARK, LENA, "deal.lost", SALES, 5, 10, Map.of("reason", "price", "reportedBy", "seller"));
        step(STARK, VIKRAM, "deal.lost", SALES, 2, 15, Map.of("reasons", List.of("no consensus on priorities"),
                "reportedBy", "buyer", "channel", "win-loss interview"));
    }

    private void step(Account account, Contact contact, String type, TouchpointSource source, int daysAgo,
            int hoursAgo, Map<String, Object> properties) {
        long number = steps.stream().filter(s -> s.account().equals(account)).count() + 1;
        String eventId = String.format("demo-%s-%03d", account.accountKey(), number);
        steps.add(new Step(eventId, account, contact, type, source,
                Duration.ofDays(daysAgo).plusHours(hoursAgo), properties));
    }

    public List<Account> accounts() {
        return List.of(ACME, GLOBEX, INITECH, UMBRELLA, STARK);
    }

    public List<Step> steps() {
        return List.copyOf(steps);
    }

    /** The touchpoints of one account, as {@code POST /v1/touchpoints} takes them, relative to {@code now}. */
    public List<TouchpointInput> touchpointsOf(Account account, Instant now) {
        Instant anchor = now.truncatedTo(ChronoUnit.HOURS);
        return steps.stream()
                .filter(step -> step.account().equals(account))
                .map(step -> new TouchpointInput(step.eventId(), account.accountKey(), step.type(),
                        step.source().wireName(), null, anchor.minus(step.before()).toString(),
                        new TouchpointInput.Contact(step.contact().email(), step.contact().name(),
                                step.contact().title()),
                        step.properties()))
                .toList();
    }

    public List<TouchpointInput> touchpoints(Instant now) {
        return accounts().stream().flatMap(account -> touchpointsOf(account, now).stream()).toList();
    }

    /** The people each account's committee should show once the story is in. */
    public Set<String> contactNamesOf(Account account) {
        Set<String> names = new LinkedHashSet<>();
        steps.stream().filter(step -> step.account().equals(account)).forEach(step -> names.add(step.contact().name()));
        return names;
    }
}
