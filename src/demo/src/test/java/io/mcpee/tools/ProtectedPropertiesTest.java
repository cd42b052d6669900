package io.mcpee.tools;

import io.mcpee.api.McpTool;
import io.mcpee.api.ReadOnly;
import io.mcpee.api.Sensitive;
import io.mcpee.demo.ArticleResource;
import io.mcpee.demo.CustomerResource;
import io.mcpee.protocol.JsonText;
import io.mcpee.results.RedactorTest;
import io.mcpee.schema.Fixtures;
import io.mcpee.schema.MetaSchema;
import jakarta.json.JsonObject;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Read-only properties are left out of input schemas and refused in arguments; sensitive properties are marked in
 * output schemas, which admit the mask; every schema stays valid JSON Schema 2020-12.
 */
class ProtectedPropertiesTest {

    public record Line(String sku, @ReadOnly int total) {
    }

    public record Address(String street) {
    }

    /** A POJO as JPA entities are: generated id and version, an assigned natural key, server-set fields. */
    public static class Ledger {
        @Id
        @GeneratedValue
        private Long id;
        @Id
        private String code;
        @Version
        private int version;
        private String name;
        private long balance;
        private LocalDate opened;
        private Address address;
        private String pin;
        private List<Line> lines = new ArrayList<>();

        public Long getId() {
            return id;
        }

        public void setId(Long id) {
            this.id = id;
        }

        public String getCode() {
            return code;
        }

        public void setCode(String code) {
            this.code = code;
        }

        public int getVersion() {
            return version;
        }

        public void setVersion(int version) {
            this.version = version;
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        @Sensitive(unlessRole = "ledger:balance")
        public long getBalance() {
            return balance;
        }

        @ReadOnly
        public void setBalance(long balance) {
            this.balance = balance;
        }

        @Sensitive
        public LocalDate getOpened() {
            return opened;
        }

        public void setOpened(LocalDate opened) {
            this.opened = opened;
        }

        @Sensitive(unlessRole = "ledger:pii")
        public Address getAddress() {
            return address;
        }

        public void setAddress(Address address) {
            this.address = address;
        }

        @Sensitive
        public String getPin() {
            return pin;
        }

        public void setPin(String pin) {
            this.pin = pin;
        }

        public List<Line> getLines() {
            return lines;
        }

        public void setLines(List<Line> lines) {
            this.lines = lines;
        }
    }

    public record Ledgers(List<Ledger> items) {
    }

    @Path("ledgers")
    @Produces("application/json")
    @Consumes("application/json")
    public static class Resource {
        @POST
        @McpTool(name = "open_ledger")
        public Ledger open(Ledger ledger) {
            return ledger;
        }

        @GET
        @McpTool(name = "list_ledgers")
        public Ledgers list() {
            return null;
        }

        @POST
        @Path("batch")
        @McpTool(name = "open_ledgers")
        public List<Ledger> openAll(List<Ledger> ledgers) {
            return ledgers;
        }
    }

    private static final Map<String, ToolDefinition> TOOLS = ToolFactoryTest.tools(Resource.class);

    private static JsonObject json(String text) {
        return JsonText.parseObject(text.replace('\'', '"'));
    }

    private static List<String> properties(JsonObject schema, String argument) {
        return List.copyOf(schema.getJsonObject("properties").getJsonObject(argument).getJsonObject("properties")
                .keySet());
    }

    @Test
    void readOnlyPropertiesAreAbsentFromInputSchemasOnly() {
        JsonObject input = TOOLS.get("open_ledger").tool().inputSchema();
        assertEquals(List.of("address", "code", "lines", "name", "opened", "pin"), properties(input, "ledger"),
                "@ReadOnly (on the setter too), @GeneratedValue and @Version are left out; an assigned @Id stays");
        assertEquals(List.of("sku"), List.copyOf(input.getJsonObject("$defs").getJsonObject("line")
                .getJsonObject("properties").keySet()), "also in nested classes");
        JsonObject output = TOOLS.get("open_ledger").tool().outputSchema();
        assertEquals(List.of("address", "balance", "code", "id", "lines", "name", "opened", "pin", "version"),
                List.copyOf(output.getJsonObject("properties").keySet()), "results still carry them");
    }

    @Test
    void theDemoEntitiesKeepServerSetFieldsOutOfTheirInputs() {
        Map<String, ToolDefinition> customers = ToolFactoryTest.tools(CustomerResource.class);
        for (String tool : List.of("create_customer", "update_customer")) {
            assertEquals(List.of("email", "name", "phone", "ssn"),
                    properties(customers.get(tool).tool().inputSchema(), "customer"), tool);
        }
        assertEquals(List.of("createdAt", "email", "id", "lastModifiedBy", "name", "owner", "phone", "ssn"),
                List.copyOf(customers.get("retrieve_customer").tool().outputSchema().getJsonObject("properties")
                        .keySet()));
        Map<String, ToolDefinition> articles = ToolFactoryTest.tools(ArticleResource.class);
        assertEquals(List.of("body", "title"), properties(articles.get("create_article").tool().inputSchema(),
                "article"));
    }

    @Test
    void settingAReadOnlyPropertyIsAProblemNamingIt() {
        List<String> problems = new ArrayList<>();
        TOOLS.get("open_ledger").input().readOnlyProblems(json("{'ledger':{'id':7,'code':'A','version':null,"
                + "'balance':100,'name':'x','lines':[{'sku':'a'},{'sku':'b','total':3}]}}"), "", problems);
        assertEquals(List.of("ledger.id: is read-only and cannot be set",
                "ledger.version: is read-only and cannot be set", "ledger.balance: is read-only and cannot be set",
                "ledger.lines[1].total: is read-only and cannot be set"), problems);
        List<String> inList = new ArrayList<>();
        TOOLS.get("open_ledgers").input().readOnlyProblems(json("{'ledgers':[{'name':'a'},{'id':1}]}"), "", inList);
        assertEquals(List.of("ledgers[1].id: is read-only and cannot be set"), inList);
        List<String> none = new ArrayList<>();
        TOOLS.get("open_ledger").input().readOnlyProblems(json("{'ledger':{'name':'x','code':'A'}}"), "", none);
        assertEquals(List.of(), none);
        assertFalse(ToolFactoryTest.tools(Fixtures.WidgetResource.class).get("create_widget").input().isMarked(),
                "a tool without marks has nothing to check");
    }

    @Test
    void sensitiveOutputPropertiesAreMarkedAndAdmitTheMask() {
        JsonObject p = TOOLS.get("open_ledger").tool().outputSchema().getJsonObject("properties");
        JsonObject pin = p.getJsonObject("pin");
        assertEquals("string", pin.getString("type"), "a plain string admits the mask as it is");
        assertTrue(pin.getBoolean("x-mcpee-sensitive"));
        assertEquals("Sensitive: \"***\" in every tool result.", pin.getString("description"));
        JsonObject balance = p.getJsonObject("balance");
        assertEquals("[{\"type\":\"integer\"},{\"const\":\"***\"}]", balance.getJsonArray("anyOf").toString());
        assertEquals("Sensitive: \"***\" unless the caller has the role ledger:balance.",
                balance.getString("description"));
        assertEquals("[{\"type\":\"string\",\"format\":\"date\"},{\"const\":\"***\"}]",
                p.getJsonObject("opened").getJsonArray("anyOf").toString(), "a format would refuse the mask");
        assertEquals("[{\"$ref\":\"#/$defs/address\"},{\"const\":\"***\"}]",
                p.getJsonObject("address").getJsonArray("anyOf").toString(), "a whole object can be masked");
        assertNull(TOOLS.get("open_ledger").tool().inputSchema().getJsonObject("properties").getJsonObject("ledger")
                .getJsonObject("properties").getJsonObject("pin").get("x-mcpee-sensitive"),
                "input schemas are unchanged: a caller sends the value");

        JsonObject ssn = ToolFactoryTest.tools(CustomerResource.class).get("retrieve_customer").tool().outputSchema()
                .getJsonObject("properties").getJsonObject("ssn");
        assertEquals("US social security number, 123-45-6789. Sensitive: \"***\" unless the caller has the role "
                + "customers:pii.", ssn.getString("description"));
        assertTrue(ssn.getBoolean("x-mcpee-sensitive"));
    }

    @Test
    void maskedResultsAreValidAgainstTheOutputSchemas() {
        JsonObject masked = json("{'address':'***','balance':'***','code':'A','id':1,'lines':[{'sku':'a','total':2}],"
                + "'name':'n','opened':'***','pin':'***','version':0}");
        JsonObject clear = json("{'address':{'street':'s'},'balance':10,'code':'A','id':1,'lines':[],'name':'n',"
                + "'opened':'2020-01-31','pin':'1234','version':0}");
        JsonObject schema = TOOLS.get("open_ledger").tool().outputSchema();
        assertTrue(MetaSchema.accepts(schema, masked));
        assertTrue(MetaSchema.accepts(schema, clear));
        JsonObject wrapped = TOOLS.get("open_ledgers").tool().outputSchema();
        assertTrue(MetaSchema.accepts(wrapped, json("{'result':[" + masked + "," + clear + "]}")));
    }

    @Test
    void everySchemaIsValid2020_12() {
        for (Class<?> resource : List.of(Resource.class, RedactorTest.Resource.class, CustomerResource.class,
                ArticleResource.class)) {
            for (ToolDefinition tool : ToolFactoryTest.tools(resource).values()) {
                assertEquals(List.of(), MetaSchema.problems(tool.tool().inputSchema()), tool.name());
                if (tool.tool().outputSchema() != null) {
                    assertEquals(List.of(), MetaSchema.problems(tool.tool().outputSchema()), tool.name());
                }
            }
        }
    }
}
