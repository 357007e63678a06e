package eu.clusternews.ingest.generate;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** The phrases of generated news in one language. */
final class Texts {

    private final String lang;
    private final List<String> months;
    private final Map<String, String> kindTitles;
    private final List<String> fillers;

    private Texts(String lang, List<String> months, Map<String, String> kindTitles, List<String> fillers) {
        this.lang = lang;
        this.months = months;
        this.kindTitles = kindTitles;
        this.fillers = fillers;
    }

    static Texts of(String lang) {
        return switch (lang) {
            case "de" -> DE;
            case "pl" -> PL;
            case "fr" -> FR;
            case "es" -> ES;
            case "it" -> IT;
            default -> EN;
        };
    }

    String title(String kind, String consortium, String city) {
        return kindTitles.get(kind).replace("{c}", consortium).replace("{city}", city);
    }

    String opening(
            String kind,
            LocalDate start,
            LocalDate end,
            String city,
            String cityLocative,
            String consortium,
            String partner) {
        String m = months.get(end.getMonthValue() - 1);
        int d1 = start.getDayOfMonth();
        int d2 = end.getDayOfMonth();
        int y = end.getYear();
        boolean sameMonth = start.getMonth() == end.getMonth() && d1 != d2;
        String what = kindTitles.get(kind).replace("{c}", consortium).replace("{city}", city);
        return switch (lang) {
            case "de" ->
                (sameMonth ? "Vom " + d1 + ". bis " + d2 + ". " + m + " " + y : "Am " + d2 + ". " + m + " " + y)
                        + " trafen sich die Partner des Konsortiums " + consortium + " gemeinsam mit " + partner
                        + " in " + city
                        + ". Anlass war: " + what + ".";
            case "pl" ->
                (sameMonth ? "W dniach " + d1 + "-" + d2 + " " + m + " " + y : "Dnia " + d2 + " " + m + " " + y)
                        + " partnerzy konsorcjum " + consortium + " spotkali się wraz z " + partner + " w "
                        + cityLocative
                        + ". Temat: " + what + ".";
            case "fr" ->
                (sameMonth ? "Du " + d1 + " au " + d2 + " " + m + " " + y : "Le " + d2 + " " + m + " " + y)
                        + ", les partenaires du consortium " + consortium + " se sont réunis avec " + partner + " à "
                        + city
                        + ". Au programme : " + what + ".";
            case "es" ->
                (sameMonth ? "Del " + d1 + " al " + d2 + " de " + m + " de " + y : "El " + d2 + " de " + m + " de " + y)
                        + " los socios del consorcio " + consortium + " se reunieron con " + partner + " en " + city
                        + ". Motivo: " + what + ".";
            case "it" ->
                (sameMonth ? "Dal " + d1 + " al " + d2 + " " + m + " " + y : "Il " + d2 + " " + m + " " + y)
                        + " i partner del consorzio " + consortium + " si sono incontrati con " + partner + " a " + city
                        + ". Tema: " + what + ".";
            default ->
                (sameMonth ? "From " + d1 + " to " + d2 + " " + m + " " + y : "On " + d2 + " " + m + " " + y)
                        + " the partners of the " + consortium + " consortium met with " + partner + " in " + city
                        + ". The occasion: " + what + ".";
        };
    }

    String programme(String consortium, String programme, String parent) {
        return switch (lang) {
            case "de" -> consortium + " wird im Rahmen des " + programme + " von " + parent + " gefördert.";
            case "pl" ->
                "Projekt " + consortium + " jest finansowany w ramach " + programme + " programu " + parent + ".";
            case "fr" -> "Le projet " + consortium + " est financé par le " + programme + " de " + parent + ".";
            case "es" -> "El proyecto " + consortium + " está financiado por el " + programme + " de " + parent + ".";
            case "it" -> "Il progetto " + consortium + " è finanziato dal " + programme + " di " + parent + ".";
            default -> "The " + consortium + " project is funded by the " + programme + " of " + parent + ".";
        };
    }

    String quote(String person, String organisation) {
        return switch (lang) {
            case "de" ->
                "„Die Zusammenarbeit stärkt unsere Mitglieder“, sagte " + person + " von " + organisation + ".";
            case "pl" ->
                "„Współpraca wzmacnia naszych członków” – powiedział(a) " + person + " z " + organisation + ".";
            case "fr" -> "« La coopération renforce nos membres », a déclaré " + person + " de " + organisation + ".";
            case "es" -> "«La cooperación fortalece a nuestros socios», afirmó " + person + " de " + organisation + ".";
            case "it" ->
                "«La cooperazione rafforza i nostri soci», ha dichiarato " + person + " di " + organisation + ".";
            default -> "\"Cooperation makes our members stronger,\" said " + person + " of " + organisation + ".";
        };
    }

    String guest(String unknownCluster) {
        return switch (lang) {
            case "de" -> "Als Gast nahm auch der " + unknownCluster + " teil und stellte seine Arbeit vor.";
            case "pl" -> "Gościem spotkania był również " + unknownCluster + ", który przedstawił swoją działalność.";
            case "fr" -> "Le " + unknownCluster + " était également invité et a présenté ses activités.";
            case "es" -> "También participó como invitado el " + unknownCluster + ", que presentó su trabajo.";
            case "it" ->
                "Ha partecipato come ospite anche il " + unknownCluster + ", che ha presentato le sue attività.";
            default -> "The " + unknownCluster + " also took part as a guest and presented its work.";
        };
    }

    String filler(SplittableRandom r) {
        return fillers.get(r.nextInt(fillers.size()));
    }

    private static final Texts DE = new Texts(
            "de",
            List.of(
                    "Januar",
                    "Februar",
                    "März",
                    "April",
                    "Mai",
                    "Juni",
                    "Juli",
                    "August",
                    "September",
                    "Oktober",
                    "November",
                    "Dezember"),
            Map.of(
                    "training",
                    "Cluster Management Training mit {c}",
                    "meeting",
                    "Partnertreffen von {c} in {city}",
                    "conference",
                    "Konferenz zur Clusterzusammenarbeit in {city}",
                    "study_visit",
                    "Studienreise der {c}-Partner nach {city}",
                    "label_award",
                    "Gold-Label für Cluster Management Excellence",
                    "funding",
                    "Förderzusage für {c}",
                    "project_launch",
                    "Auftakt des Projekts {c}",
                    "call",
                    "Ausschreibung für KMU im Projekt {c}",
                    "partnership",
                    "Kooperationsvereinbarung im Rahmen von {c}"),
            List.of(
                    "Die beteiligten Cluster vertreten zusammen mehrere hundert kleine und mittlere Unternehmen aus ganz Europa.",
                    "Im Mittelpunkt standen der Austausch von Erfahrungen und die Entwicklung gemeinsamer Dienstleistungen für die Mitglieder.",
                    "Die Teilnehmer diskutierten, wie Clusterorganisationen ihre Mitglieder beim Zugang zu neuen Märkten unterstützen können.",
                    "Besonders gefragt waren Methoden zur Strategieentwicklung und zur Messung der Wirkung von Clusteraktivitäten.",
                    "Die Ergebnisse fließen in eine gemeinsame mittelfristige Strategie der Partner ein.",
                    "Zahlreiche Unternehmen nutzten die Gelegenheit, neue Kontakte über Ländergrenzen hinweg zu knüpfen.",
                    "Ein weiterer Schwerpunkt lag auf der Digitalisierung von Wertschöpfungsketten und auf nachhaltigen Technologien.",
                    "Die Veranstaltung wurde von den Teilnehmenden sehr positiv bewertet und soll im kommenden Jahr fortgesetzt werden."));

    private static final Texts EN = new Texts(
            "en",
            List.of(
                    "January",
                    "February",
                    "March",
                    "April",
                    "May",
                    "June",
                    "July",
                    "August",
                    "September",
                    "October",
                    "November",
                    "December"),
            Map.of(
                    "training",
                    "cluster management training with {c}",
                    "meeting",
                    "{c} partner meeting in {city}",
                    "conference",
                    "conference on cluster cooperation in {city}",
                    "study_visit",
                    "study visit of the {c} partners to {city}",
                    "label_award",
                    "Gold Label for cluster management excellence",
                    "funding",
                    "funding granted for {c}",
                    "project_launch",
                    "kick-off of the {c} project",
                    "call",
                    "open call for SMEs in the {c} project",
                    "partnership",
                    "partnership agreement within {c}"),
            List.of(
                    "Together the participating clusters represent several hundred small and medium-sized enterprises from across Europe.",
                    "The focus was on exchanging experience and on developing joint services for the members.",
                    "Participants discussed how cluster organisations can help their members to reach new markets.",
                    "Methods for strategy development and for measuring the impact of cluster activities were in particular demand.",
                    "The results will feed into a joint medium-term strategy of the partners.",
                    "Many companies used the opportunity to make new contacts across borders.",
                    "Another focus was the digitalisation of value chains and sustainable technologies.",
                    "Participants rated the event very positively, and it is to be continued next year."));

    private static final Texts PL = new Texts(
            "pl",
            List.of(
                    "stycznia",
                    "lutego",
                    "marca",
                    "kwietnia",
                    "maja",
                    "czerwca",
                    "lipca",
                    "sierpnia",
                    "września",
                    "października",
                    "listopada",
                    "grudnia"),
            Map.of(
                    "training",
                    "szkolenie z zarządzania klastrem w projekcie {c}",
                    "meeting",
                    "spotkanie partnerów {c} w mieście {city}",
                    "conference",
                    "konferencja o współpracy klastrów w mieście {city}",
                    "study_visit",
                    "wizyta studyjna partnerów {c}",
                    "label_award",
                    "Złoty Certyfikat doskonałości zarządzania klastrem",
                    "funding",
                    "finansowanie dla projektu {c}",
                    "project_launch",
                    "rozpoczęcie projektu {c}",
                    "call",
                    "nabór dla MŚP w projekcie {c}",
                    "partnership",
                    "porozumienie o współpracy w ramach {c}"),
            List.of(
                    "Uczestniczące klastry zrzeszają łącznie kilkaset małych i średnich przedsiębiorstw z całej Europy.",
                    "W centrum uwagi znalazła się wymiana doświadczeń oraz rozwój wspólnych usług dla członków.",
                    "Uczestnicy dyskutowali o tym, jak organizacje klastrowe mogą wspierać swoich członków w wejściu na nowe rynki.",
                    "Szczególnym zainteresowaniem cieszyły się metody opracowywania strategii i mierzenia efektów działań klastrów.",
                    "Wyniki zostaną wykorzystane we wspólnej średniookresowej strategii partnerów.",
                    "Wiele firm skorzystało z okazji, aby nawiązać nowe kontakty ponad granicami.",
                    "Kolejnym tematem była cyfryzacja łańcuchów wartości oraz zrównoważone technologie.",
                    "Uczestnicy bardzo wysoko ocenili wydarzenie, które będzie kontynuowane w przyszłym roku."));

    private static final Texts FR = new Texts(
            "fr",
            List.of(
                    "janvier",
                    "février",
                    "mars",
                    "avril",
                    "mai",
                    "juin",
                    "juillet",
                    "août",
                    "septembre",
                    "octobre",
                    "novembre",
                    "décembre"),
            Map.of(
                    "training",
                    "formation au management de cluster avec {c}",
                    "meeting",
                    "réunion des partenaires de {c} à {city}",
                    "conference",
                    "conférence sur la coopération des clusters à {city}",
                    "study_visit",
                    "visite d'étude des partenaires de {c}",
                    "label_award",
                    "label Or pour l'excellence du management de cluster",
                    "funding",
                    "financement accordé à {c}",
                    "project_launch",
                    "lancement du projet {c}",
                    "call",
                    "appel à candidatures pour les PME du projet {c}",
                    "partnership",
                    "accord de partenariat dans le cadre de {c}"),
            List.of(
                    "Ensemble, les clusters participants représentent plusieurs centaines de petites et moyennes entreprises de toute l'Europe.",
                    "L'accent a été mis sur l'échange d'expériences et sur le développement de services communs pour les membres.",
                    "Les participants ont discuté de la manière dont les clusters peuvent aider leurs membres à conquérir de nouveaux marchés.",
                    "Les méthodes d'élaboration de stratégie et de mesure de l'impact des activités ont suscité un grand intérêt.",
                    "Les résultats alimenteront une stratégie commune à moyen terme des partenaires.",
                    "De nombreuses entreprises ont profité de l'occasion pour nouer de nouveaux contacts au-delà des frontières.",
                    "La numérisation des chaînes de valeur et les technologies durables étaient un autre point fort.",
                    "Les participants ont jugé l'événement très positif, et il sera poursuivi l'année prochaine."));

    private static final Texts ES = new Texts(
            "es",
            List.of(
                    "enero",
                    "febrero",
                    "marzo",
                    "abril",
                    "mayo",
                    "junio",
                    "julio",
                    "agosto",
                    "septiembre",
                    "octubre",
                    "noviembre",
                    "diciembre"),
            Map.of(
                    "training",
                    "formación en gestión de clústeres con {c}",
                    "meeting",
                    "reunión de los socios de {c} en {city}",
                    "conference",
                    "conferencia sobre cooperación entre clústeres en {city}",
                    "study_visit",
                    "visita de estudio de los socios de {c}",
                    "label_award",
                    "sello Oro de excelencia en la gestión de clústeres",
                    "funding",
                    "financiación concedida a {c}",
                    "project_launch",
                    "inauguración del proyecto {c}",
                    "call",
                    "convocatoria para pymes en el proyecto {c}",
                    "partnership",
                    "acuerdo de colaboración en el marco de {c}"),
            List.of(
                    "En conjunto, los clústeres participantes representan a varios cientos de pequeñas y medianas empresas de toda Europa.",
                    "El eje central fue el intercambio de experiencias y el desarrollo de servicios conjuntos para los socios.",
                    "Los participantes debatieron cómo las organizaciones clúster pueden ayudar a sus socios a acceder a nuevos mercados.",
                    "Despertaron especial interés los métodos para elaborar estrategias y medir el impacto de las actividades.",
                    "Los resultados se incorporarán a una estrategia conjunta a medio plazo de los socios.",
                    "Muchas empresas aprovecharon la ocasión para establecer nuevos contactos más allá de las fronteras.",
                    "Otro tema central fue la digitalización de las cadenas de valor y las tecnologías sostenibles.",
                    "Los participantes valoraron muy positivamente el encuentro, que continuará el próximo año."));

    private static final Texts IT = new Texts(
            "it",
            List.of(
                    "gennaio",
                    "febbraio",
                    "marzo",
                    "aprile",
                    "maggio",
                    "giugno",
                    "luglio",
                    "agosto",
                    "settembre",
                    "ottobre",
                    "novembre",
                    "dicembre"),
            Map.of(
                    "training",
                    "formazione sulla gestione dei cluster con {c}",
                    "meeting",
                    "riunione dei partner di {c} a {city}",
                    "conference",
                    "conferenza sulla cooperazione tra cluster a {city}",
                    "study_visit",
                    "visita di studio dei partner di {c}",
                    "label_award",
                    "label Oro per l'eccellenza nella gestione dei cluster",
                    "funding",
                    "finanziamento concesso a {c}",
                    "project_launch",
                    "avvio del progetto {c}",
                    "call",
                    "bando per le PMI nel progetto {c}",
                    "partnership",
                    "accordo di partenariato nell'ambito di {c}"),
            List.of(
                    "Insieme i cluster partecipanti rappresentano diverse centinaia di piccole e medie imprese di tutta Europa.",
                    "Al centro dell'incontro lo scambio di esperienze e lo sviluppo di servizi comuni per i soci.",
                    "I partecipanti hanno discusso di come le organizzazioni cluster possano aiutare i soci ad accedere a nuovi mercati.",
                    "Grande interesse hanno suscitato i metodi per elaborare strategie e misurare l'impatto delle attività.",
                    "I risultati confluiranno in una strategia comune di medio periodo dei partner.",
                    "Molte imprese hanno colto l'occasione per stabilire nuovi contatti oltre i confini nazionali.",
                    "Un altro tema centrale è stata la digitalizzazione delle catene del valore e le tecnologie sostenibili.",
                    "I partecipanti hanno giudicato l'evento molto positivamente e l'iniziativa proseguirà il prossimo anno."));
}
