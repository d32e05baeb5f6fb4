package io.vectorless.gateway.workspaces.web;

import io.vectorless.gateway.access.WorkspaceAccess;
import io.vectorless.gateway.support.GatewayWebSlice;
import io.vectorless.gateway.support.Http;
import io.vectorless.gateway.support.SliceKeys;
import io.vectorless.gateway.workspaces.WorkspaceService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The workspace endpoints' HTTP contract on the web layer alone (the real controller, validation, error handler and
 * API-key filter): what a bad request answers, and that it never reaches the workspaces. The service and the access
 * rules are stand-ins the test proves untouched.
 */
@GatewayWebSlice(WorkspaceController.class)
class WorkspaceHttpContractTest {
    @Autowired
    MockMvc mvc;
    @MockitoBean
    WorkspaceService workspaces;
    @MockitoBean
    WorkspaceAccess access;

    @AfterEach
    void neverReachedTheWorkspaces() {
        verifyNoInteractions(workspaces, access);
    }

    private ResultActions send(MockHttpServletRequestBuilder request, String json) throws Exception {
        return mvc.perform(request.header("Authorization", "Bearer " + Http.KEY)
                .contentType(MediaType.APPLICATION_JSON).content(json));
    }

    @Test
    void overlongFieldsAre400NamingTheFieldAndItsLength() throws Exception {
        send(post("/api/workspaces"), "{\"name\": \"" + "n".repeat(5_000) + "\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(
                        "'name' is too long: 5000 characters, at most 200 are allowed"));
        send(post("/api/workspaces"), "{\"name\": \"ok\", \"description\": \"" + "d".repeat(3_000) + "\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(allOf(containsString("'description'"),
                        containsString("too long"))));
        send(post("/api/workspaces"), "{\"name\": \"ok\", \"owner_username\": \"" + "u".repeat(101) + "\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(allOf(containsString("'owner_username'"),
                        containsString("too long"))));
        send(patch("/api/workspaces/7"), "{\"name\": \"" + "n".repeat(201) + "\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(allOf(containsString("'name'"), containsString("201"))));
    }

    @Test
    void missingBlankAndControlCharacterNamesAre400() throws Exception {
        send(post("/api/workspaces"), "{}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("'name' is required"));
        send(post("/api/workspaces"), "{\"name\": \"   \"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("'name' is required"));
        send(post("/api/workspaces"), "{\"name\": \"a\\u0007b\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("'name' contains control characters"));
    }

    @Test
    void malformedJsonAndWrongTypesAre400WithADetail() throws Exception {
        send(post("/api/workspaces"), "{\"name\": ").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").isString());
        send(post("/api/workspaces"), "{\"name\": [1, 2]}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").isString());
        send(patch("/api/workspaces/0x1"), "{}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(containsString("workspace_id")));
    }

    @Test
    void noKeyOrAWrongKeyIs401() throws Exception {
        mvc.perform(post("/api/workspaces").contentType(MediaType.APPLICATION_JSON).content("{\"name\": \"x\"}"))
                .andExpect(status().isUnauthorized()).andExpect(jsonPath("$.detail").isString());
        mvc.perform(post("/api/workspaces").header("Authorization", "Bearer nope")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\": \"x\"}"))
                .andExpect(status().isUnauthorized()).andExpect(jsonPath("$.detail").isString());
    }
}
