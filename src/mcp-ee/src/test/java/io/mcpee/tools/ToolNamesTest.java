package io.mcpee.tools;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.lang.reflect.Method;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ToolNamesTest {

    @ParameterizedTest(name = "{0} {1} + {2} -> {3}")
    @CsvSource({
            "GET,    customers,        '',                 list_customers",
            "GET,    customers,        {id},               retrieve_customer",
            "POST,   customers,        '',                 create_customer",
            "PUT,    customers,        {id},               update_customer",
            "PATCH,  customers,        {id},               partial_update_customer",
            "DELETE, customers,        {id},               delete_customer",
            "POST,   customers,        {id}/gdpr-delete,   gdpr_delete_customer",
            "POST,   customers,        import,             import_customers",
            "GET,    customers,        export,             list_customers_export",
            "GET,    customers,        {id}/notes,         retrieve_customer_notes",
            "GET,    api/v1/categories, {id},              retrieve_category",
            "GET,    addresses,        {id},               retrieve_address",
            "GET,    boxes,            {id},               retrieve_box",
            "GET,    news,             '',                 list_news",
            "GET,    glass,            {id},               retrieve_glass",
            "GET,    orgs/{org}/teams, {team},             retrieve_team",
            "GET,    OrderLines,       '',                 list_order_lines",
            "GET,    '',               status,             list_status",
            "DELETE, customers,        '',                 delete_customers",
    })
    void defaultNames(String httpMethod, String classPath, String methodPath, String expected) throws Exception {
        Method anyMethod = Object.class.getMethod("toString");
        ResourceMethod method = new ResourceMethod(Object.class, anyMethod, httpMethod, classPath, methodPath,
                java.util.List.of("application/json"));
        assertEquals(expected, ToolNames.defaultName(method));
    }

    @ParameterizedTest
    @CsvSource({"a b/c,a_b_c", "ok.name-1,ok.name-1", "'',tool"})
    void sanitizeKeepsMcpNameRules(String raw, String expected) {
        assertEquals(expected, ToolNames.sanitize(raw));
    }

    @org.junit.jupiter.api.Test
    void longNamesAreCutAt128() {
        assertEquals(128, ToolNames.sanitize("x".repeat(300)).length());
    }
}
