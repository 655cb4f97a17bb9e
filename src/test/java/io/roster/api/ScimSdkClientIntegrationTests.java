package io.roster.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.unboundid.scim2.client.ScimService;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.exceptions.ResourceConflictException;
import com.unboundid.scim2.common.exceptions.ResourceNotFoundException;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.filters.Filter;
import com.unboundid.scim2.common.messages.ListResponse;
import com.unboundid.scim2.common.types.Email;
import com.unboundid.scim2.common.types.GroupResource;
import com.unboundid.scim2.common.types.Member;
import com.unboundid.scim2.common.types.Name;
import com.unboundid.scim2.common.types.UserResource;
import io.roster.support.Api;
import io.roster.support.Fixtures;
import io.roster.support.IntegrationTest;
import io.roster.support.Operator;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import org.glassfish.jersey.client.ClientConfig;
import io.roster.support.JdkHttpConnector;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** SCIM as a real client sees it: UnboundID's scim2-sdk-client over HTTP, with a company SCIM token. */
@IntegrationTest
class ScimSdkClientIntegrationTests {

    @LocalServerPort
    int port;

    Api operator;
    Fixtures fixtures;
    Client http;

    @BeforeEach
    void start() {
        operator = Api.at(port).signIn(Operator.EMAIL, Operator.PASSWORD);
        fixtures = new Fixtures(operator);
        // the JDK connector, which sends PATCH (the default HttpURLConnection one refuses it)
        http = ClientBuilder.newClient(new ClientConfig().connectorProvider(JdkHttpConnector.provider()));
    }

    @AfterEach
    void stop() {
        http.close();
    }

    @Test
    void a_directory_creates_finds_replaces_and_deletes_a_user() throws ScimException {
        String company = fixtures.company(3);
        ScimService scim = scimFor(company);
        assertThat(scim.getServiceProviderConfig().getEtag().isSupported()).isTrue();
        String userName = Fixtures.unique("babs").toLowerCase() + "@example.com";

        UserResource created = scim.create("Users", user(userName, "Barbara", true));

        assertThat(created.getId()).isNotBlank();
        assertThat(created.getUserName()).isEqualTo(userName);
        assertThat(created.getActive()).isTrue();
        assertThat(created.getMeta().getVersion()).startsWith("W/");

        ListResponse<UserResource> found = scim.searchRequest("Users").filter(Filter.eq("userName", userName).toString())
                .invoke(UserResource.class);
        assertThat(found.getTotalResults()).isEqualTo(1);
        assertThat(found.getResources().get(0).getId()).isEqualTo(created.getId());

        created.setName(new Name().setGivenName("Babs").setFamilyName("Jensen"));
        created.setActive(false);
        UserResource replaced = scim.replace(created);
        assertThat(replaced.getName().getGivenName()).isEqualTo("Babs");
        assertThat(replaced.getActive()).isFalse();
        assertThat(operator.get("/api/v1/companies/" + company).json().get("licensesUsed").asInt()).isZero();

        scim.delete(replaced);
        assertThatThrownBy(() -> scim.retrieve("Users", created.getId(), UserResource.class))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void a_taken_user_name_is_a_conflict_and_another_companys_user_is_not_found() throws ScimException {
        String companyA = fixtures.company(3);
        String companyB = fixtures.company(3);
        String userName = Fixtures.unique("twice").toLowerCase();
        UserResource inB = scimFor(companyB).create("Users", user(userName, "Twice", true));
        ScimService scimA = scimFor(companyA);

        assertThatThrownBy(() -> scimA.create("Users", user(userName, "Twice", true)))
                .isInstanceOf(ResourceConflictException.class);
        assertThatThrownBy(() -> scimA.retrieve("Users", inB.getId(), UserResource.class))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThat(scimA.searchRequest("Users").filter(Filter.eq("userName", userName).toString())
                .invoke(UserResource.class).getTotalResults()).isZero();
    }

    @Test
    void a_directory_creates_a_group_adds_and_removes_members_and_cannot_delete_a_built_in_one() throws ScimException {
        String company = fixtures.company(3);
        ScimService scim = scimFor(company);
        UserResource ada = scim.create("Users", user(Fixtures.unique("ada").toLowerCase() + "@example.com", "Ada", true));
        UserResource alan = scim.create("Users", user(Fixtures.unique("alan").toLowerCase() + "@example.com", "Alan", true));
        String name = Fixtures.unique("Engineering");

        GroupResource group = scim.create("Groups", new GroupResource().setDisplayName(name)
                .setMembers(List.of(new Member().setValue(ada.getId()))));

        assertThat(group.getId()).isNotBlank();
        assertThat(group.getMembers()).extracting(Member::getValue).containsExactly(ada.getId());
        GroupResource added = scim.modifyRequest("Groups", group.getId())
                .addValues("members", new Member().setValue(alan.getId()))
                .invoke(GroupResource.class);
        assertThat(added.getMembers()).extracting(Member::getValue).containsExactlyInAnyOrder(ada.getId(), alan.getId());
        GroupResource removed = scim.modifyRequest("Groups", group.getId())
                .removeValues("members[value eq \"" + ada.getId() + "\"]")
                .invoke(GroupResource.class);
        assertThat(removed.getMembers()).extracting(Member::getValue).containsExactly(alan.getId());
        assertThat(operator.get("/api/v1/companies/" + company + "/users/" + alan.getId() + "/roles").body())
                .contains(group.getId(), "MEMBER");

        ListResponse<GroupResource> found = scim.searchRequest("Groups")
                .filter(Filter.eq("displayName", name).toString()).excludedAttributes("members")
                .invoke(GroupResource.class);
        assertThat(found.getTotalResults()).isEqualTo(1);
        assertThat(found.getResources().get(0).getMembers()).isNull();
        GroupResource onlyName = scim.retrieveRequest("Groups", group.getId()).attributes("displayName")
                .invoke(GroupResource.class);
        assertThat(onlyName.getDisplayName()).isEqualTo(name);
        assertThat(onlyName.getMembers()).isNull();

        assertThatThrownBy(() -> scim.delete("Groups", "ADMINISTRATOR"))
                .isInstanceOfSatisfying(BadRequestException.class,
                        refused -> assertThat(refused.getScimError().getScimType()).isEqualTo("mutability"));
        scim.delete("Groups", group.getId());
        assertThatThrownBy(() -> scim.retrieve("Groups", group.getId(), GroupResource.class))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThat(operator.get("/api/v1/companies/" + company + "/users/" + alan.getId() + "/roles").body())
                .doesNotContain(group.getId());
    }

    private ScimService scimFor(String company) {
        var created = operator.post("/api/v1/companies/" + company + "/scim-tokens", null);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String token = created.text("token");
        return new ScimService(http.target("http://localhost:" + port + "/scim/v2")
                .register((jakarta.ws.rs.client.ClientRequestFilter) request ->
                        request.getHeaders().putSingle("Authorization", "Bearer " + token)));
    }

    private static UserResource user(String userName, String givenName, boolean active) {
        UserResource user = new UserResource().setUserName(userName);
        user.setName(new Name().setGivenName(givenName).setFamilyName("Jensen"));
        user.setEmails(List.of(new Email().setValue(userName.contains("@") ? userName : userName + "@example.com")
                .setType("work").setPrimary(true)));
        user.setActive(active);
        return user;
    }
}
