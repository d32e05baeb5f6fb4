package io.vectorless.gateway.access.web;

import io.vectorless.gateway.access.ApiKeyService;
import io.vectorless.gateway.support.GatewayWebSlice;
import io.vectorless.gateway.support.Http;
import io.vectorless.gateway.support.SliceKeys;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Key management on the web layer alone: a user key is turned away (403) before its body is even read, so it
 * learns nothing about what the admin's request would need; the admin's bad bodies get the usual 400 details.
 */
@GatewayWebSlice(ApiKeyController.class)
class ApiKeyHttpContractTest {
    @Autowired
    MockMvc mvc;
    @MockitoBean
    ApiKeyService keys;

    @AfterEach
    void neverReachedTheKeys() {
        verifyNoInteractions(keys);
    }

    @Test
    void aUserKeyGets403BeforeItsBodyIsValidated() throws Exception {
        for (String body : new String[]{"{\"name\": \"no user\"}", "{\"username\": ", "{\"username\": \"alice\"}"}) {
            mvc.perform(post("/api/keys").header("Authorization", "Bearer " + SliceKeys.USER_KEY)
                            .contentType(MediaType.APPLICATION_JSON).content(body))
                    .andExpect(status().isForbidden())
                    .andExpect(jsonPath("$.detail").value(AdminOnly.MESSAGE));
        }
        mvc.perform(get("/api/keys").header("x-api-key", SliceKeys.USER_KEY)).andExpect(status().isForbidden());
        mvc.perform(delete("/api/keys/k1").header("x-api-key", SliceKeys.USER_KEY)).andExpect(status().isForbidden());
    }

    @Test
    void theAdminsBadBodiesAre400WithADetail() throws Exception {
        mvc.perform(post("/api/keys").header("Authorization", "Bearer " + Http.KEY)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\": \"no user\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("'username' is required: the user the key acts for"));
        mvc.perform(post("/api/keys").header("Authorization", "Bearer " + Http.KEY)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"username\": \"" + "u".repeat(101) + "\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(
                        "'username' is too long: 101 characters, at most 100 are allowed"));
    }

    @Test
    void withoutAKeyIs401() throws Exception {
        mvc.perform(get("/api/keys")).andExpect(status().isUnauthorized()).andExpect(jsonPath("$.detail").isString());
    }
}
